import { describe, it } from 'vitest';
import { coinTransferProcess } from '../../../src/domains/coins/coin-transfer-process.js';
import { processManagerSpec } from '../../../src/es/testing/process-manager-spec.js';

const process = processManagerSpec(coinTransferProcess);
const transferId = 'tr-1';
const sent = { type: 'CoinsSent', data: { accountId: 'alice', to: 'bob', amount: 3, transferId, balance: 7 } } as const;
const received = { type: 'CoinsReceived', data: { accountId: 'bob', from: 'alice', amount: 3, transferId, balance: 3 } } as const;

describe('coin transfer process', () => {
  it('starts on CoinsSent and credits the recipient', () => {
    process.given().when(sent).routes({ start: transferId });
    process.given().when(sent).then({ type: 'ReceiveCoins', accountId: 'bob', from: 'alice', amount: 3, transferId });
  });

  it('stops on CoinsReceived of the same transfer, dispatching nothing more', () => {
    process.given(sent).when(received).routes({ stop: transferId });
    process.given(sent).when(received).then();
  });

  it('ignores mined coins', () => {
    process
      .given()
      .when({ type: 'CoinMined', data: { accountId: 'alice', nonce: 358, balance: 1 } } as never)
      .routes(undefined);
  });

  it('decides the same credit for a redelivered CoinsSent (the runtime derives the same command id from it)', () => {
    process.given(sent).when(sent).then({ type: 'ReceiveCoins', accountId: 'bob', from: 'alice', amount: 3, transferId });
  });
});
