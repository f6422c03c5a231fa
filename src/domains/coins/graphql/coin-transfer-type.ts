import { tables } from '../../../db/database.js';
import { builder } from '../../../graphql/builder.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { CoinTransfersTable, CoinsTables } from '../coins-tables.js';
import { coinTransferParty } from './coin-access.js';

const CoinTransferStatusEnum = builder.enumType('CoinTransferStatus', {
  values: {
    PENDING: { description: 'Sent: the coins have left the sender and are on their way.' },
    COMPLETED: { description: 'Received: the recipient has the coins.' },
  },
});

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

export function findCoinTransfer(ctx: GraphQLContext, transferId: string): Promise<CoinTransfersTable | undefined> {
  return tables<CoinsTables>(ctx.app.database)
    .selectFrom('coin_transfers')
    .selectAll()
    .where('transfer_id', '=', transferId)
    .executeTakeFirst();
}
