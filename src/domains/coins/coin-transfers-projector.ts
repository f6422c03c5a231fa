import { defineProjector } from '../../es/index.js';
import type { CoinAccountEvent } from './coin-account-events.js';
import type { CoinsTables } from './coins-tables.js';

export const COIN_TRANSFERS_PROJECTION = 'coin-transfers';

/** A transfer is PENDING from the sender's `CoinsSent` until the recipient's `CoinsReceived`. */
export const coinTransfersProjector = defineProjector<CoinsTables, CoinAccountEvent>({
  name: COIN_TRANSFERS_PROJECTION,
  tables: ['coin_transfers'],
  handlers: {
    CoinsSent: async (trx, event) => {
      const { transferId, accountId, to, amount } = event.data;
      await trx
        .insertInto('coin_transfers')
        .values({
          transfer_id: transferId,
          from_account: accountId,
          to_account: to,
          amount,
          status: 'PENDING',
          sent_at: event.occurredAt,
          completed_at: null,
        })
        .onConflict((conflict) => conflict.column('transfer_id').doNothing())
        .execute();
    },
    CoinsReceived: async (trx, event) => {
      await trx
        .updateTable('coin_transfers')
        .set({ status: 'COMPLETED', completed_at: event.occurredAt })
        .where('transfer_id', '=', event.data.transferId)
        .execute();
    },
  },
  async reset(db) {
    await db.deleteFrom('coin_transfers').execute();
  },
});
