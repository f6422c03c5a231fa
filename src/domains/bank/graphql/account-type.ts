import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { tables } from '../../../db/database.js';
import { everyone } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { accountAggregate } from '../account-aggregate.js';
import { parsePositionCursor, positionCursor } from '../../../graphql/position-cursor.js';
import type { BankAccountsTable, BankTables } from '../bank-tables.js';
import { AccountTransactionType } from './account-transaction-type.js';

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
          ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
            let query = tables<BankTables>(ctx.app.database)
              .selectFrom('bank_transactions')
              .selectAll()
              .where('account_number', '=', row.account_number);
            if (after) query = query.where('position', '>', parsePositionCursor(after, 'after'));
            if (before) query = query.where('position', '<', parsePositionCursor(before, 'before'));
            return query
              .orderBy('position', inverted ? 'desc' : 'asc')
              .limit(limit)
              .execute();
          },
        ),
    }),
  }),
});
