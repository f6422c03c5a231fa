import { commandMutation } from '../../../graphql/command-mutation.js';
import { createdId } from '../../../graphql/dispatch.js';
import { readBack } from '../../../graphql/read-back.js';
import { coinAccountAggregate } from '../coin-account-aggregate.js';
import { COIN_ACCOUNTS_PROJECTION } from '../coin-accounts-projector.js';
import { COIN_TRANSFERS_PROJECTION } from '../coin-transfers-projector.js';
import { CoinAccountType } from './coin-account-type.js';
import { CoinTransferType } from './coin-transfer-type.js';
import { findCoinTransfer, loadCoinAccount } from './coins-reads.js';

commandMutation('mineCoin', {
  aggregate: coinAccountAggregate,
  command: 'MineCoin',
  description: 'Mines one coin with a proof of work; the account comes into being with its first coin.',
  arguments: {
    input: (t) => ({
      accountId: t.string({ required: true, description: 'Any non-blank id of at most 100 characters.' }),
      nonce: t.int({
        required: true,
        description:
          'At least 0 and greater than the account’s last nonce, such that the first byte of ' +
          'SHA-256( SHA-256(UTF-8 accountId) ‖ SHA-256(UTF-8 decimal nonce) ) is 0.',
      }),
    }),
  },
  type: CoinAccountType,
  waitFor: [COIN_ACCOUNTS_PROJECTION],
  result: (ctx, { accountId }) => loadCoinAccount(ctx, accountId),
});

commandMutation('sendCoins', {
  aggregate: coinAccountAggregate,
  command: 'SendCoins',
  description:
    'Takes the coins from the sender at once and answers with the transfer, PENDING until the coin transfer process ' +
    'has credited the recipient, then COMPLETED. Follow it with `coinTransfer(id)` or `coinBalanceChanged`.',
  arguments: {
    input: (t) => ({
      from: t.string({ required: true }),
      to: t.string({ required: true, description: 'Any other account id; an account that has no coins yet comes into being.' }),
      amount: t.field({ type: 'SafeInt', required: true, description: 'Whole coins, greater than 0.' }),
    }),
  },
  toCommand: (input, ctx) => ({ transferId: createdId(ctx, 'transferId'), ...input }),
  type: CoinTransferType,
  waitFor: [COIN_ACCOUNTS_PROJECTION, COIN_TRANSFERS_PROJECTION],
  result: async (ctx, { transferId }) => readBack(await findCoinTransfer(ctx, transferId), `Coin transfer ${transferId}`),
});
