import { builder } from '../../../graphql/builder.js';
import { ViewerType } from '../../../graphql/types/viewer.js';
import { AccountType } from './account-type.js';
import { accountsOwnedBy } from './bank-reads.js';

builder.objectField(ViewerType, 'bankAccounts', (t) =>
  t.field({
    type: [AccountType],
    description: 'The bank accounts you opened, closed ones included, by account number.',
    resolve: (viewer, _args, ctx) => accountsOwnedBy(ctx, viewer.subject),
  }),
);
