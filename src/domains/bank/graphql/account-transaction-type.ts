import { builder } from '../../../graphql/builder.js';
import { positionCursor } from '../../../graphql/position-cursor.js';
import type { BankTransactionsTable } from '../bank-tables.js';
import { balanceChanges } from '../account-events.js';

export const BalanceChangeReasonEnum = builder.enumType('BalanceChangeReason', {
  description: 'Why a balance changed.',
  values: Object.values(balanceChanges).map((change) => change.reason),
});

export const AccountTransactionType = builder.objectRef<BankTransactionsTable>('AccountTransaction').implement({
  description: 'One change of an account balance, in the order it happened.',
  fields: (t) => ({
    position: t.string({ description: 'Global position of the event behind it.', resolve: (row) => positionCursor(row.position) }),
    kind: t.field({ type: BalanceChangeReasonEnum, resolve: (row) => row.kind }),
    amount: t.field({ type: 'SafeInt', resolve: (row) => row.amount }),
    delta: t.field({ type: 'SafeInt', description: 'Signed change: negative for money leaving.', resolve: (row) => row.delta }),
    balance: t.field({ type: 'SafeInt', description: 'The balance after this change.', resolve: (row) => row.balance }),
    transferId: t.id({ nullable: true, resolve: (row) => row.transfer_id }),
    occurredAt: t.field({ type: 'DateTime', resolve: (row) => row.occurred_at }),
  }),
});
