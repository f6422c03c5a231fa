import { builder } from '../../../graphql/builder.js';
import type { BankTransfersTable } from '../bank-tables.js';
import { described, type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { accountAggregate } from '../account-aggregate.js';

export const TransferStatusEnum = builder.enumType('TransferStatus', { values: ['PENDING', 'COMPLETED', 'FAILED'] as const });

export const TransferType = builder.objectRef<BankTransfersTable>('Transfer').implement({
  // Seen by the owners of its two accounts.
  access: described(
    ownerOfField(accountAggregate, ({ parent }: FieldInput<unknown, BankTransfersTable>) => [parent.from_account, parent.to_account]),
    'the owner of either account',
  ),
  description: 'A transfer between two accounts; it runs as a process and ends COMPLETED or FAILED.',
  fields: (t) => ({
    id: t.exposeID('transfer_id'),
    from: t.exposeString('from_account'),
    to: t.exposeString('to_account'),
    amount: t.field({ type: 'SafeInt', resolve: (row) => row.amount }),
    status: t.field({ type: TransferStatusEnum, resolve: (row) => row.status }),
    failureReason: t.string({
      nullable: true,
      description: 'The error code that failed the transfer, e.g. INSUFFICIENT_FUNDS or ACCOUNT_NOT_FOUND.',
      resolve: (row) => row.failure_reason,
    }),
    requestedAt: t.field({ type: 'DateTime', resolve: (row) => row.requested_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (row) => row.updated_at }),
  }),
});
