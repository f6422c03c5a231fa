import { type Kysely, sql } from 'kysely';
import { streamIdOf } from '../../../src/es/aggregate.js';
import { accountAggregate } from '../../../src/domains/bank/account-aggregate.js';
import { balanceEventTypes } from '../../../src/domains/bank/account-events.js';

/** The positions of an account's balance changes in the log: what a `balanceUpdated` subscriber must get, in this order. */
export async function balancePositions(db: Kysely<any>, accountNumber: string): Promise<number[]> {
  const rows = await db
    .selectFrom('events')
    .select('position')
    .where('stream_id', '=', streamIdOf(accountAggregate, accountNumber))
    .where('type', 'in', balanceEventTypes)
    .orderBy('position')
    .execute();
  return rows.map((row) => Number(row.position));
}

/** Every bank read table, in a stable order, to compare a projection with its rebuild. */
export async function bankReadModel(db: Kysely<any>) {
  return {
    accounts: await db.selectFrom('bank_accounts').selectAll().orderBy('account_number').execute(),
    transactions: await db.selectFrom('bank_transactions').selectAll().orderBy('position').execute(),
    transfers: await db.selectFrom('bank_transfers').selectAll().orderBy('transfer_id').execute(),
  };
}

/** How many events of `type` the log holds per value of `data->>field`. */
export async function countsBy(db: Kysely<any>, type: string, field: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ key: string; count: string }>`
    select data->>${field} as key, count(*) as count from events where type = ${type} group by 1
  `.execute(db);
  return new Map(rows.map((row) => [row.key, Number(row.count)]));
}

/** The log's head and every runtime's stored checkpoint. */
export async function checkpoints(db: Kysely<any>): Promise<{ head: number; checkpoints: Record<string, number> }> {
  const head = await db.selectFrom('event_store_head').select('position').executeTakeFirstOrThrow();
  const rows = await db.selectFrom('checkpoints').select(['name', 'position']).execute();
  return { head: Number(head.position), checkpoints: Object.fromEntries(rows.map((row) => [row.name, Number(row.position)])) };
}

/** The sum of every deposit the log holds for an account. */
export async function depositedInto(db: Kysely<any>, accountNumber: string): Promise<number> {
  const { rows } = await sql<{ total: string | null }>`
    select sum((data->>'amount')::bigint) as total from events
    where stream_id = ${streamIdOf(accountAggregate, accountNumber)} and type = 'MoneyDeposited'
  `.execute(db);
  return Number(rows[0]?.total ?? 0);
}
