import { defineProjector } from '../../es/index.js';
import type { BankTables } from './bank-tables.js';
import type { TransferEvent } from './transfer-events.js';

export const TRANSFERS_PROJECTION = 'bank-transfers';

export const transfersProjector = defineProjector<BankTables, TransferEvent>({
  name: TRANSFERS_PROJECTION,
  tables: ['bank_transfers'],
  handlers: {
    TransferRequested: async (trx, event) => {
      const { transferId, fromAccountNumber, toAccountNumber, amount } = event.data;
      await trx
        .insertInto('bank_transfers')
        .values({
          transfer_id: transferId,
          from_account: fromAccountNumber,
          to_account: toAccountNumber,
          amount,
          status: 'PENDING',
          failure_reason: null,
          requested_at: event.occurredAt,
          updated_at: event.occurredAt,
        })
        .execute();
    },
    TransferCompleted: async (trx, event) => {
      await trx
        .updateTable('bank_transfers')
        .set({ status: 'COMPLETED', updated_at: event.occurredAt })
        .where('transfer_id', '=', event.data.transferId)
        .execute();
    },
    TransferFailed: async (trx, event) => {
      await trx
        .updateTable('bank_transfers')
        .set({ status: 'FAILED', failure_reason: event.data.reason, updated_at: event.occurredAt })
        .where('transfer_id', '=', event.data.transferId)
        .execute();
    },
  },
  async reset(db) {
    await db.deleteFrom('bank_transfers').execute();
  },
});
