import type { Transaction } from 'kysely';
import type { RecordedEvent } from '../../es/recorded-event.js';
import { defineProjector } from '../../es/runtime/projector.js';
import { type AccountEvent, type BalanceEventType, balanceChanges } from './account-events.js';
import type { BankTables } from './bank-tables.js';

export const ACCOUNTS_PROJECTION = 'bank-accounts';

type Movement = Extract<AccountEvent, { type: BalanceEventType }>['data'] & { transferId?: string };

/** Accounts with their balance and version, and every balance change as a transaction row. */
export const accountsProjector = defineProjector<BankTables, AccountEvent>({
  name: ACCOUNTS_PROJECTION,
  handlers: {
    AccountOpened: async (trx, event) => {
      await trx
        .insertInto('bank_accounts')
        .values({
          account_number: event.data.accountNumber,
          holder: event.data.holder,
          balance: 0,
          status: 'OPEN',
          version: event.version,
          opened_at: event.occurredAt,
          updated_at: event.occurredAt,
        })
        .execute();
    },
    AccountClosed: async (trx, event) => {
      await trx
        .updateTable('bank_accounts')
        .set({ status: 'CLOSED', version: event.version, updated_at: event.occurredAt })
        .where('account_number', '=', event.data.accountNumber)
        .execute();
    },
    MoneyDeposited: recordMovement,
    MoneyWithdrawn: recordMovement,
    FeeApplied: recordMovement,
    TransferDebited: recordMovement,
    TransferCredited: recordMovement,
    TransferRefunded: recordMovement,
  },
  async reset(db) {
    await db.deleteFrom('bank_transactions').execute();
    await db.deleteFrom('bank_accounts').execute();
  },
});

/** The account's new balance and the transaction row, in one statement: one round trip per event. */
async function recordMovement(trx: Transaction<BankTables>, event: RecordedEvent<BalanceEventType, Movement>): Promise<void> {
  const { accountNumber, amount, balance, transferId } = event.data;
  const change = balanceChanges[event.type];
  await trx
    .with('account', (db) =>
      db
        .updateTable('bank_accounts')
        .set({ balance, version: event.version, updated_at: event.occurredAt })
        .where('account_number', '=', accountNumber),
    )
    .insertInto('bank_transactions')
    .values({
      position: event.position,
      account_number: accountNumber,
      kind: change.reason,
      amount,
      delta: change.sign * amount,
      balance,
      transfer_id: transferId ?? null,
      occurred_at: event.occurredAt,
    })
    .execute();
}
