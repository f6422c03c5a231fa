import { builder } from '../../../graphql/builder.js';
import { ViewerType } from '../../../graphql/types/viewer.js';
import { CoinAccountType } from './coin-account-type.js';
import { coinAccountsOwnedBy } from './coins-reads.js';

builder.objectField(ViewerType, 'coinAccounts', (t) =>
  t.field({
    type: [CoinAccountType],
    description: 'The coin accounts you own (you mined their first coin), by account id.',
    resolve: (viewer, _args, ctx) => coinAccountsOwnedBy(ctx, viewer.subject),
  }),
);
