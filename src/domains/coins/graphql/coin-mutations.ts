import { builder } from '../../../graphql/builder.js';
import { createdId, dispatch } from '../../../graphql/dispatch.js';
import type { CoinAccountCommand } from '../coin-account-commands.js';
import { COIN_ACCOUNTS_PROJECTION } from '../coin-accounts-projector.js';
import { COIN_TRANSFERS_PROJECTION } from '../coin-transfers-projector.js';
import { InvalidNonce, NonceAlreadyUsed, NotEnoughCoins } from '../coins-errors.js';
import { CoinAccountType } from './coin-account-type.js';
import { CoinTransferType, findCoinTransfer } from './coin-transfer-type.js';
import { loadCoinAccount } from './find-coin-accounts.js';
import { byCommand } from '../../../graphql/field-access.js';
import { readBack } from '../../../graphql/read-back.js';

const MineCoinInput = builder.inputType('MineCoinInput', {
  fields: (t) => ({
    accountId: t.string({ required: true, description: 'Any non-blank id of at most 100 characters.' }),
    nonce: t.int({
      required: true,
      description:
        'At least 0 and greater than the account’s last nonce, such that the first byte of ' +
        'SHA-256( SHA-256(UTF-8 accountId) ‖ SHA-256(UTF-8 decimal nonce) ) is 0.',
    }),
  }),
});

builder.mutationField('mineCoin', (t) =>
  t.field({
    access: byCommand('MineCoin'),
    type: CoinAccountType,
    description: 'Mines one coin with a proof of work; the account comes into being with its first coin.',
    errors: { types: [NonceAlreadyUsed, InvalidNonce] },
    args: { input: t.arg({ type: MineCoinInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const command: CoinAccountCommand = { type: 'MineCoin', accountId: input.accountId, nonce: input.nonce };
      await dispatch(ctx, command, { consistency: 'strong', projections: [COIN_ACCOUNTS_PROJECTION] });
      return loadCoinAccount(ctx, input.accountId);
    },
  }),
);

const SendCoinsInput = builder.inputType('SendCoinsInput', {
  fields: (t) => ({
    from: t.string({ required: true }),
    to: t.string({ required: true, description: 'Any other account id; an account that has no coins yet comes into being.' }),
    amount: t.field({ type: 'SafeInt', required: true, description: 'Whole coins, greater than 0.' }),
  }),
});

builder.mutationField('sendCoins', (t) =>
  t.field({
    access: byCommand('SendCoins'),
    type: CoinTransferType,
    description:
      'Takes the coins from the sender at once and answers with the transfer, PENDING until the coin transfer process ' +
      'has credited the recipient, then COMPLETED. Follow it with `coinTransfer(id)` or `coinBalanceChanged`.',
    errors: { types: [NotEnoughCoins] },
    args: { input: t.arg({ type: SendCoinsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const transferId = createdId(ctx, 'transferId');
      const command: CoinAccountCommand = { type: 'SendCoins', transferId, ...input };
      await dispatch(ctx, command, {
        consistency: 'strong',
        projections: [COIN_ACCOUNTS_PROJECTION, COIN_TRANSFERS_PROJECTION],
      });
      return readBack(await findCoinTransfer(ctx, transferId), `Coin transfer ${transferId}`);
    },
  }),
);
