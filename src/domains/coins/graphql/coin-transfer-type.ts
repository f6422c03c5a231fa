import { builder } from '../../../graphql/builder.js';
import { described, type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { coinAccountAggregate } from '../coin-account-aggregate.js';
import type { CoinTransfersTable } from '../coins-tables.js';

const CoinTransferStatusEnum = builder.enumType('CoinTransferStatus', {
  values: {
    PENDING: { description: 'Sent: the coins have left the sender and are on their way.' },
    COMPLETED: { description: 'Received: the recipient has the coins.' },
  },
});

/** A coin transfer is seen by the owners of its two accounts. */
const coinTransferParty = described(
  ownerOfField(coinAccountAggregate, ({ parent }: FieldInput<unknown, CoinTransfersTable>) => [parent.from_account, parent.to_account]),
  'the owner of either coin account',
);

export const CoinTransferType = builder.objectRef<CoinTransfersTable>('CoinTransfer').implement({
  access: coinTransferParty,
  description: 'Coins sent from one account to another, delivered by the coin transfer process.',
  fields: (t) => ({
    id: t.exposeID('transfer_id'),
    from: t.exposeString('from_account'),
    to: t.exposeString('to_account'),
    amount: t.field({ type: 'SafeInt', resolve: (row) => row.amount }),
    status: t.field({ type: CoinTransferStatusEnum, resolve: (row) => row.status }),
    sentAt: t.field({ type: 'DateTime', resolve: (row) => row.sent_at }),
    completedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.completed_at }),
  }),
});
