import { type RawBuilder, sql } from 'kysely';
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

type AccountRecord = {
  [Type in AccountEvent['type']]: RecordedEvent<Type, Extract<AccountEvent, { type: Type }>['data']>;
}[AccountEvent['type']];

/** An account as a run leaves it: what its last events set (a balance, a status), its version and time from its last event. */
interface AccountChange {
  opened?: { holder: string; openedAt: Date; owner: string | null };
  balance?: number;
  status?: 'OPEN' | 'CLOSED';
  version: number;
  updatedAt: Date;
}

/**
 * A run of account events, however long, as one statement: every balance change becomes a
 * transaction row, and each account is written once with what its last events in the run left
 * (every movement carries the balance after it): inserted if the run opens it, updated otherwise.
 */
const projectAccounts = inOneStatement((events: AccountRecord[]) => {
  const accounts = new Map<string, AccountChange>();
  const moves: Extract<AccountRecord, { type: BalanceEventType }>[] = [];
  for (const event of events) {
    const { accountNumber } = event.data;
    const change: AccountChange = accounts.get(accountNumber) ?? { version: event.version, updatedAt: event.occurredAt };
    change.version = event.version;
    change.updatedAt = event.occurredAt;
    if (event.type === 'AccountOpened') {
      change.opened = { holder: event.data.holder, openedAt: event.occurredAt, owner: event.metadata.actor ?? null };
      change.balance = 0;
      change.status = 'OPEN';
    } else if (event.type === 'AccountClosed') {
      change.status = 'CLOSED';
    } else {
      change.balance = event.data.balanceAfter;
      moves.push(event);
    }
    accounts.set(accountNumber, change);
  }
  const opened = [...accounts].filter(([, change]) => change.opened);
  const updated = [...accounts].filter(([, change]) => !change.opened);
  const writes: RawBuilder<unknown>[] = [];
  if (opened.length > 0) {
    writes.push(sql`opened as (
      insert into bank_accounts (account_number, holder, balance, status, version, opened_at, updated_at, owner)
      select account_number, holder, balance, status, version, to_timestamp(opened_at / 1000.0), to_timestamp(updated_at / 1000.0), owner
      from ${unnest(opened, {
        account_number: ['text', ([accountNumber]) => accountNumber],
        holder: ['text', ([, change]) => change.opened!.holder],
        balance: ['bigint', ([, change]) => change.balance],
        status: ['text', ([, change]) => change.status],
        version: ['bigint', ([, change]) => change.version],
        opened_at: ['time', ([, change]) => change.opened!.openedAt],
        updated_at: ['time', ([, change]) => change.updatedAt],
        owner: ['text', ([, change]) => change.opened!.owner],
      })}
    )`);
  }
  if (updated.length > 0) {
    writes.push(sql`accounts as (
      update bank_accounts a
      set balance = coalesce(c.balance, a.balance), status = coalesce(c.status, a.status), version = c.version, updated_at = to_timestamp(c.updated_at / 1000.0)
      from ${unnest(updated, {
        account_number: ['text', ([accountNumber]) => accountNumber],
        balance: ['bigint', ([, change]) => change.balance ?? null],
        status: ['text', ([, change]) => change.status ?? null],
        version: ['bigint', ([, change]) => change.version],
        updated_at: ['time', ([, change]) => change.updatedAt],
      })}
      where a.account_number = c.account_number
    )`);
  }
  if (moves.length > 0) {
    writes.push(sql`transactions as (
      insert into bank_transactions (position, account_number, kind, amount, delta, balance, transfer_id, occurred_at)
      select position, account_number, kind, amount, delta, balance, transfer_id, to_timestamp(occurred_at / 1000.0)
      from ${unnest(moves, {
        position: ['bigint', (event) => event.position],
        account_number: ['text', (event) => event.data.accountNumber],
        kind: ['text', (event) => balanceChanges[event.type].reason],
        amount: ['bigint', (event) => event.data.amount],
        delta: ['bigint', (event) => balanceChanges[event.type].sign * event.data.amount],
        balance: ['bigint', (event) => event.data.balanceAfter],
        transfer_id: ['text', (event) => ('transferId' in event.data ? event.data.transferId : null)],
        occurred_at: ['time', (event) => event.occurredAt],
      })}
    )`);
  }
  return sql.join(writes, sql`, `);
});

/**
 * `rows` as `unnest(...) as c(...)`: one array per column, each cast to its type, which PostgreSQL
 * reads faster than JSON. A time goes as its milliseconds since the epoch (cheaper to send than
 * text): read it as `to_timestamp(c.<column> / 1000.0)`.
 */
function unnest<Row>(rows: readonly Row[], columns: Record<string, Column<Row>>) {
  const entries = Object.entries(columns);
  const arrays = entries.map(([, [type, value]]) =>
    type === 'time' ? sql`${rows.map((row) => (value(row) as Date).getTime())}::float8[]` : sql`${rows.map(value)}::${sql.raw(type)}[]`,
  );
  return sql`unnest(${sql.join(arrays)}) as c(${sql.join(entries.map(([name]) => sql.id(name)))})`;
}

type Column<Row> = readonly [type: 'text' | 'bigint' | 'time', value: (row: Row) => unknown];

/** Accounts with their balance and version, and every balance change as a transaction row. */
export const accountsProjector = defineProjector<BankTables, AccountEvent | PersonalDataErasedEvent>({
  name: ACCOUNTS_PROJECTION,
  tables: ['bank_accounts', 'bank_transactions'],
  handlers: {
    AccountOpened: projectAccounts,
    AccountClosed: projectAccounts,
    MoneyDeposited: projectAccounts,
    MoneyWithdrawn: projectAccounts,
    FeeApplied: projectAccounts,
    TransferDebited: projectAccounts,
    TransferCredited: projectAccounts,
    TransferRefunded: projectAccounts,
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
