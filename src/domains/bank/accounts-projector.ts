import { sql } from 'kysely';
import {
  defineProjector,
  ERASED,
  erasedIdentities,
  inOneStatement,
  type PersonalDataErasedEvent,
  type RecordedEvent,
} from '../../es/index.js';
import { accountAggregate } from './account-aggregate.js';
import { type AccountEvent, type BalanceEventType, balanceChanges } from './account-events.js';
import type { BankTables } from './bank-tables.js';

export const ACCOUNTS_PROJECTION = 'bank-accounts';

type Movement = Extract<AccountEvent, { type: BalanceEventType }>['data'] & { transferId?: string };

/**
 * Balance changes in runs, one statement per run whatever its length: every change becomes a
 * transaction row, and each account takes the balance and version of its last change in the run
 * (every event carries the balance after it).
 */
const recordMovements = inOneStatement((events: RecordedEvent<BalanceEventType, Movement>[]) => {
  const rows = events.map(({ type, position, version, occurredAt, data }) => {
    const change = balanceChanges[type];
    return {
      position,
      version,
      account_number: data.accountNumber,
      kind: change.reason,
      amount: data.amount,
      delta: change.sign * data.amount,
      balance: data.balanceAfter,
      transfer_id: data.transferId ?? null,
      occurred_at: occurredAt,
    };
  });
  return sql`
    moves as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as m(
        position bigint, version bigint, account_number text, kind text, amount bigint, delta bigint,
        balance bigint, transfer_id text, occurred_at timestamptz
      )
    ),
    latest as (
      select distinct on (account_number) account_number, balance, version, occurred_at
      from moves order by account_number, position desc
    ),
    accounts as (
      update bank_accounts a set balance = l.balance, version = l.version, updated_at = l.occurred_at
      from latest l where a.account_number = l.account_number
    ),
    transactions as (
      insert into bank_transactions (position, account_number, kind, amount, delta, balance, transfer_id, occurred_at)
      select position, account_number, kind, amount, delta, balance, transfer_id, occurred_at from moves
    )
  `;
});

/** Accounts with their balance and version, and every balance change as a transaction row. */
export const accountsProjector = defineProjector<BankTables, AccountEvent | PersonalDataErasedEvent>({
  name: ACCOUNTS_PROJECTION,
  tables: ['bank_accounts', 'bank_transactions'],
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
          owner: event.metadata.actor ?? null,
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
    MoneyDeposited: recordMovements,
    MoneyWithdrawn: recordMovements,
    FeeApplied: recordMovements,
    TransferDebited: recordMovements,
    TransferCredited: recordMovements,
    TransferRefunded: recordMovements,
    PersonalDataErased: async (trx, event) => {
      const accounts = erasedIdentities(event.data, accountAggregate);
      if (accounts.length === 0) return;
      await trx.updateTable('bank_accounts').set({ holder: ERASED }).where('account_number', 'in', accounts).execute();
    },
  },
  async reset(db) {
    await db.deleteFrom('bank_transactions').execute();
    await db.deleteFrom('bank_accounts').execute();
  },
});
