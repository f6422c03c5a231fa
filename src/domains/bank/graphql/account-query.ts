import { builder } from '../../../graphql/builder.js';
import { AccountType, accountOwner } from './account-type.js';
import { findAccount } from './bank-reads.js';

builder.queryField('account', (t) =>
  t.field({
    access: accountOwner,
    type: AccountType,
    nullable: true,
    description: 'An account as projected; null when no account has this number.',
    args: { accountNumber: t.arg.string({ required: true }) },
    resolve: (_root, { accountNumber }, ctx) => findAccount(ctx, accountNumber),
  }),
);
