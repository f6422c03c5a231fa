import { everyone, followLatest } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { coinAccountEventTypes } from '../coin-account-events.js';
import { COIN_ACCOUNTS_PROJECTION } from '../coin-accounts-projector.js';
import type { CoinAccountsTable } from '../coins-tables.js';
import { CoinAccountType } from './coin-account-type.js';
import { findRichest, richestLimit } from './coins-reads.js';

/** Same accounts in the same order with the same balances. */
function sameList(a: CoinAccountsTable[], b: CoinAccountsTable[]): boolean {
  return a.length === b.length && a.every((row, index) => row.account_id === b[index]!.account_id && row.balance === b[index]!.balance);
}

builder.subscriptionField('richestChanged', (t) =>
  t.field({
    access: everyone,
    type: [CoinAccountType],
    description:
      'The `richest(first)` list: first as it stands, then again whenever its order or balances change. A slow ' +
      'client is never queued lists: it gets the latest one when it reads the next, however many coins moved meanwhile.',
    args: { first: t.arg.int({ required: true, defaultValue: 1 }) },
    subscribe: (_root, args, ctx) => {
      const first = richestLimit(args.first);
      return followLatest(ctx.app.feed, {
        types: coinAccountEventTypes,
        caughtUp: (position) => ctx.app.runtimes.waitFor(position, [COIN_ACCOUNTS_PROJECTION]),
        read: () => findRichest(ctx, first),
        equals: sameList,
      });
    },
    resolve: (list) => list,
  }),
);
