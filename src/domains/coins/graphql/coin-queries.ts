import { builder } from '../../../graphql/builder.js';
import { CoinAccountType } from './coin-account-type.js';
import { CoinTransferType } from './coin-transfer-type.js';
import { findCoinAccount, findCoinTransfer, findRichest, MAX_RICHEST, richestLimit } from './coins-reads.js';
import { authenticated, everyone } from '../../../es/index.js';

builder.queryFields((t) => ({
  coinAccount: t.field({
    access: everyone,
    type: CoinAccountType,
    nullable: true,
    description: 'A coin account as projected; null for an account that never mined nor received a coin.',
    args: { accountId: t.arg.string({ required: true }) },
    resolve: async (_root, { accountId }, ctx) => (await findCoinAccount(ctx, accountId)) ?? null,
  }),
  richest: t.field({
    access: everyone,
    type: [CoinAccountType],
    description: `The accounts holding the most coins, by balance and then account id (so ties keep their order); at most ${MAX_RICHEST}.`,
    args: { first: t.arg.int({ required: true, defaultValue: 1 }) },
    resolve: (_root, { first }, ctx) => findRichest(ctx, richestLimit(first)),
  }),
  coinTransfer: t.field({
    access: authenticated,
    type: CoinTransferType,
    nullable: true,
    description: 'A coin transfer: PENDING once sent, COMPLETED once received.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (await findCoinTransfer(ctx, String(id))) ?? null,
  }),
}));
