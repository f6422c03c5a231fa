import { type ResolveCursorConnectionArgs, resolveCursorConnection } from '@pothos/plugin-relay';
import { everyone } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { accountAggregate } from '../account-aggregate.js';
import { positionCursor } from '../../../graphql/position-cursor.js';
import type { BankAccountsTable } from '../bank-tables.js';
import { AccountTransactionType } from './account-transaction-type.js';
import { accountTransactions } from './bank-reads.js';

/** Only the owner of the account the field's `accountNumber` argument names. */
export const accountOwner = ownerOfField(accountAggregate, ({ args }: FieldInput<{ accountNumber: string }>) => args.accountNumber);

export const AccountStatusEnum = builder.enumType('AccountStatus', { values: ['OPEN', 'CLOSED'] as const });

export const AccountType = builder.objectRef<BankAccountsTable>('Account').implement({
  description: 'A bank account as its projection shows it.',
  // Only its owner reads it; a depositor who is not the owner sees its number only.
  access: ownerOfField(accountAggregate, ({ parent }: FieldInput<unknown, BankAccountsTable>) => parent.account_number),
  fields: (t) => ({
    accountNumber: t.exposeString('account_number', { access: everyone }),
    holder: t.exposeString('holder'),
    balance: t.field({ type: 'SafeInt', description: 'In integer minor units (cents).', resolve: (row) => row.balance }),
    status: t.field({ type: AccountStatusEnum, resolve: (row) => row.status }),
    version: t.int({ description: 'The version of the account stream this view reflects.', resolve: (row) => row.version }),
    openedAt: t.field({ type: 'DateTime', resolve: (row) => row.opened_at }),
    transactions: t.connection({
      type: AccountTransactionType,
      description: 'Balance changes, oldest first.',
      resolve: (row, args, ctx) =>
        resolveCursorConnection(
          { args, toCursor: (transaction) => positionCursor(transaction.position) },
          (page: ResolveCursorConnectionArgs) => accountTransactions(ctx, row.account_number, page),
        ),
    }),
  }),
});
