import { describe, it } from 'vitest';
import { coinAccountAggregate } from '../../../src/domains/coins/coin-account-aggregate.js';
import type { CoinAccountEvent } from '../../../src/domains/coins/coin-account-events.js';
import { aggregateSpec } from '../../../src/es/testing/aggregate-spec.js';

const account = aggregateSpec(coinAccountAggregate);
const accountId = 'alice';
// Nonces that prove work for 'alice' (see proof-of-work.pure.test.ts); 359 does not.
const mined = (nonce: number, balance: number): CoinAccountEvent => ({ type: 'CoinMined', data: { accountId, nonce, balance } });
const received = (amount: number, balance: number): CoinAccountEvent => ({
  type: 'CoinsReceived',
  data: { accountId, from: 'bob', amount, transferId: 't0', balance },
});

describe('coin account aggregate', () => {
  it('mines a coin with a nonce that proves work, on a new account too', () => {
    account.given().when({ type: 'MineCoin', accountId, nonce: 358 }).then(mined(358, 1));
    account.given(mined(358, 1)).when({ type: 'MineCoin', accountId, nonce: 627 }).then(mined(627, 2));
  });

  it('refuses a nonce that does not prove work', () => {
    account.given().when({ type: 'MineCoin', accountId, nonce: 359 }).thenError('INVALID_NONCE');
    account.given(mined(358, 1)).when({ type: 'MineCoin', accountId, nonce: 359 }).thenError('INVALID_NONCE');
  });

  it('refuses a nonce not above the last one, before looking at the proof', () => {
    account.given(mined(627, 1)).when({ type: 'MineCoin', accountId, nonce: 627 }).thenError('NONCE_ALREADY_USED');
    // 358 proves work, but lies below the last nonce.
    account.given(mined(627, 1)).when({ type: 'MineCoin', accountId, nonce: 358 }).thenError('NONCE_ALREADY_USED');
    // 0 neither proves work nor lies above: the reuse is what is reported.
    account.given(mined(358, 1)).when({ type: 'MineCoin', accountId, nonce: 0 }).thenError('NONCE_ALREADY_USED');
  });

  it('lets a first nonce of 0 through to the proof, received coins not counting as mined', () => {
    account.given(received(5, 5)).when({ type: 'MineCoin', accountId, nonce: 0 }).thenError('INVALID_NONCE');
    account.given(received(5, 5)).when({ type: 'MineCoin', accountId, nonce: 358 }).then(mined(358, 6));
  });

  it('sends coins it has, recording the balance left', () => {
    account
      .given(mined(358, 1), mined(627, 2))
      .when({ type: 'SendCoins', from: accountId, to: 'bob', amount: 2, transferId: 't1' })
      .then({ type: 'CoinsSent', data: { accountId, to: 'bob', amount: 2, transferId: 't1', balance: 0 } });
  });

  it('never sends more than it has', () => {
    account
      .given(mined(358, 1))
      .when({ type: 'SendCoins', from: accountId, to: 'bob', amount: 2, transferId: 't1' })
      .thenError('NOT_ENOUGH_COINS');
    account.given().when({ type: 'SendCoins', from: accountId, to: 'bob', amount: 1, transferId: 't1' }).thenError('NOT_ENOUGH_COINS');
  });

  it('always receives, on a new account too', () => {
    account
      .given()
      .when({ type: 'ReceiveCoins', accountId, from: 'bob', amount: 3, transferId: 't2' })
      .then({ type: 'CoinsReceived', data: { accountId, from: 'bob', amount: 3, transferId: 't2', balance: 3 } });
  });

  it('evolves the balance and the last nonce', () => {
    account.given().thenState({ lastNonce: null, balance: 0 });
    account.given(received(4, 4), mined(358, 5)).thenState({ lastNonce: 358, balance: 5 });
    account
      .given(mined(358, 1), { type: 'CoinsSent', data: { accountId, to: 'bob', amount: 1, transferId: 't', balance: 0 } })
      .thenState({ lastNonce: 358, balance: 0 });
  });
});
