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

const OWNER_ONLY = 'Null, with a FORBIDDEN error, for anyone but the owner.';

/**
 * An account as projected, or as it stood at a past point (`account-as-of.ts`): then the
 * projection-only holder and opening date may be null, and its transactions end at `asOfPosition`.
 */
export type AccountView = Omit<BankAccountsTable, 'holder' | 'opened_at'> & {
  holder: string | null;
  opened_at: Date | null;
  asOfPosition?: number;
};

export const AccountType = builder.objectRef<AccountView>('Account').implement({
  description: 'A bank account as its projection shows it, or as it stood at a past point (`account(asOf:)`).',
  // Only its owner reads it; a depositor who is not the owner (or an admin charging a fee) sees its
  // number only. So that a mutation they may send (deposit, applyFee) never answers `data: null`,
  // every field but the number is nullable: refused, it is null with its FORBIDDEN error, and the
  // account (with its number) is still there to say the command succeeded.
  access: ownerOfField(accountAggregate, ({ parent }: FieldInput<unknown, AccountView>) => parent.account_number),
  fields: (t) => ({
    accountNumber: t.exposeString('account_number', { access: everyone }),
    holder: t.exposeString('holder', { nullable: true, description: OWNER_ONLY }),
    balance: t.field({
      type: 'SafeInt',
      nullable: true,
      description: `In integer minor units (cents). ${OWNER_ONLY}`,
      resolve: (row) => row.balance,
    }),
    status: t.field({ type: AccountStatusEnum, nullable: true, description: OWNER_ONLY, resolve: (row) => row.status }),
    version: t.int({
      nullable: true,
      description: `The version of the account stream this view reflects. ${OWNER_ONLY}`,
      resolve: (row) => row.version,
    }),
    openedAt: t.field({ type: 'DateTime', nullable: true, description: OWNER_ONLY, resolve: (row) => row.opened_at }),
    transactions: t.connection({
      type: AccountTransactionType,
      nullable: true,
      description: `Balance changes, oldest first (for an account as of a past point, up to that point). ${OWNER_ONLY}`,
      resolve: (row, args, ctx) =>
        resolveCursorConnection(
          { args, toCursor: (transaction) => positionCursor(transaction.position) },
          (page: ResolveCursorConnectionArgs) => accountTransactions(ctx, row.account_number, page, row.asOfPosition),
        ),
    }),
  }),
});
