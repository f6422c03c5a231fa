import { builder } from '../../../graphql/builder.js';
import { asOfInput } from '../../../graphql/past-state.js';
import { AsOfInput } from '../../../graphql/types/as-of.js';
import { findAccountAsOf } from './account-as-of.js';
import { AccountType, accountOwner } from './account-type.js';
import { findAccount } from './bank-reads.js';

builder.queryField('account', (t) =>
  t.field({
    // A past state is its owner's alone, as the present is.
    access: accountOwner,
    type: AccountType,
    nullable: true,
    description:
      'An account as projected; null when no account has this number. With `asOf`, the account as it stood then ' +
      '(docs/time-travel.md): null if it was not open yet.',
    args: {
      accountNumber: t.arg.string({ required: true }),
      asOf: t.arg({ type: AsOfInput, description: 'A past point; omitted, the account now.' }),
    },
    resolve: (_root, { accountNumber, asOf }, ctx) =>
      asOf ? findAccountAsOf(ctx, accountNumber, asOfInput(asOf)) : findAccount(ctx, accountNumber),
  }),
);
