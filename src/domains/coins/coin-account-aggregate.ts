import { defineAggregate } from '../../es/index.js';
import { type CoinAccountCommand, coinAccountCommands } from './coin-account-commands.js';
import type { CoinAccountEvent } from './coin-account-events.js';
import { InvalidNonce, NonceAlreadyUsed, NotEnoughCoins } from './coins-errors.js';
import { isProofOfWork } from './proof-of-work.js';

export interface CoinAccountState {
  /** The last nonce this account mined; null before its first coin. */
  lastNonce: number | null;
  balance: number;
}

/**
 * A coin account. It exists from its first event: a mined coin or coins received. Mining takes a
 * nonce greater than the last one that proves work; sending takes coins the account has.
 * Receiving is never refused: the coins have already left the sender.
 */
export const coinAccountAggregate = defineAggregate<CoinAccountState, CoinAccountCommand, CoinAccountEvent>({
  name: 'coin-account',
  commands: coinAccountCommands,
  // Coins received before anyone mines into an account claim nothing: its first miner owns it.
  ownership: { claimedBy: ['CoinMined'] },
  initialState: { lastNonce: null, balance: 0 },
  snapshot: { every: 100, schemaVersion: 1 },

  execute(state, command) {
    switch (command.type) {
      case 'MineCoin': {
        const { accountId, nonce } = command;
        if (state.lastNonce !== null && nonce <= state.lastNonce) {
          return new NonceAlreadyUsed(`The nonce must be greater than ${state.lastNonce}, the last nonce this account mined`);
        }
        if (!isProofOfWork(accountId, nonce)) return new InvalidNonce();
        return { type: 'CoinMined', data: { accountId, nonce, balance: state.balance + 1 } };
      }
      case 'SendCoins': {
        const { from, to, amount, transferId } = command;
        if (amount > state.balance) return new NotEnoughCoins(`The account has ${state.balance} coins; ${amount} were asked for`);
        return { type: 'CoinsSent', data: { accountId: from, to, amount, transferId, balance: state.balance - amount } };
      }
      case 'ReceiveCoins': {
        const { accountId, from, amount, transferId } = command;
        return { type: 'CoinsReceived', data: { accountId, from, amount, transferId, balance: state.balance + amount } };
      }
    }
  },

  apply(state, event) {
    if (event.type === 'CoinMined') return { lastNonce: event.data.nonce, balance: event.data.balance };
    return { ...state, balance: event.data.balance };
  },
});
