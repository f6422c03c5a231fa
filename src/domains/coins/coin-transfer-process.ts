import { defineProcessManager } from '../../es/index.js';
import type { CoinAccountCommand } from './coin-account-commands.js';
import type { CoinAccountEvent } from './coin-account-events.js';

type TransferEvent = Extract<CoinAccountEvent, { type: 'CoinsSent' | 'CoinsReceived' }>;

/**
 * Delivers sent coins: `CoinsSent` starts a transfer and credits the recipient with
 * `ReceiveCoins`; the recipient's `CoinsReceived` ends it. The command's id derives from the
 * `CoinsSent` event, so a redelivered `CoinsSent` is answered with the first `CoinsReceived` and
 * credits nothing again. Receiving is never refused, so there is nothing to compensate.
 */
export const coinTransferProcess = defineProcessManager<null, TransferEvent>({
  name: 'coin-transfer-process',
  initialState: null,

  interestedIn(event) {
    if (event.type === 'CoinsSent') return { start: event.data.transferId };
    if (event.type === 'CoinsReceived') return { stop: event.data.transferId };
    return undefined;
  },

  handle(_state, event): CoinAccountCommand[] {
    if (event.type !== 'CoinsSent') return [];
    const { accountId, to, amount, transferId } = event.data;
    return [{ type: 'ReceiveCoins', accountId: to, from: accountId, amount, transferId }];
  },

  apply: () => null,
});
