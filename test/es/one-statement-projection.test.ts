import { Writable } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { DomainModule } from '../../src/app/domain-module.js';
import type { RecordedEvent } from '../../src/es/recorded-event.js';
import { defineProjector, inOneStatement } from '../../src/es/runtime/projector.js';
import { createTestDatabase } from '../support/test-database.js';
import { startChronicle, waitForRuntime } from './fixtures/app.js';
import { type LedgerEvent, ledger } from './fixtures/ledger.js';
import { everyone } from '../../src/es/access/rules.js';

const PROJECTOR = 'statement-ledger';

/** Postings summed per ledger by one statement per run; notes counted one by one. */
const sums = defineProjector<any, LedgerEvent>({
  name: PROJECTOR,
  handlers: {
    Posted: inOneStatement((events: RecordedEvent<'Posted', { amount: number }>[]) => {
      const rows = events.map((event) => ({ position: event.position, ledger_id: event.streamId, amount: event.data.amount }));
      return sql`
        postings as (
          select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as p(position bigint, ledger_id text, amount bigint)
        ),
        logged as (
          insert into test_statement_log (position, ledger_id, amount) select position, ledger_id, amount from postings
        ),
        totals as (
          insert into test_statement_totals (ledger_id, total, notes)
          select ledger_id, sum(amount), 0 from postings group by ledger_id
          on conflict (ledger_id) do update set total = test_statement_totals.total + excluded.total
        )
      `;
    }),
    async Annotated(trx, event) {
      await trx
        .insertInto('test_statement_totals')
        .values({ ledger_id: event.streamId, total: 0, notes: 1 })
        .onConflict((conflict) => conflict.column('ledger_id').doUpdateSet((eb) => ({ notes: eb('test_statement_totals.notes', '+', 1) })))
        .execute();
    },
  },
  async reset(db) {
    await db.deleteFrom('test_statement_log').execute();
    await db.deleteFrom('test_statement_totals').execute();
  },
});

const statementLedgerModule: DomainModule = {
  name: 'statement-ledger',
  register({ router, runtimes }) {
    router.register(ledger, { Post: { identity: 'ledgerId', access: everyone }, Annotate: { identity: 'ledgerId', access: everyone } });
    runtimes.addProjector(sums);
  },
};

async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('test_statement_totals')
    .addColumn('ledger_id', 'text', (c) => c.primaryKey())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('notes', 'bigint', (c) => c.notNull())
    .execute();
  // No key on position: an event applied twice shows as two rows.
  await db.schema
    .createTable('test_statement_log')
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('ledger_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .execute();
}

let app: Chronicle | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Large enough that no timer stores a checkpoint during a test. */
const NEVER = 3_600_000;

async function start(logs: string[] = []): Promise<Chronicle> {
  const database = await createTestDatabase();
  await createTables(database.db);
  const sink = new Writable({ write: (chunk, _encoding, done) => (logs.push(String(chunk)), done()) });
  app = await startChronicle([statementLedgerModule], {
    database,
    logger: pino({ level: 'warn' }, sink),
    runtimeOptions: { backoffMs: 10, maxBackoffMs: 200, unstoredMs: NEVER, idleStoreMs: NEVER },
  });
  return app;
}

async function post(chronicle: Chronicle, ledgerId: string, ...amounts: number[]): Promise<number> {
  const { position } = await chronicle.router.dispatch({ type: 'Post', ledgerId, amounts });
  await waitForRuntime(chronicle, PROJECTOR, position!);
  return position!;
}

async function read(chronicle: Chronicle, ledgerId: string) {
  const db = chronicle.database.db;
  const streamId = `ledger-${ledgerId}`;
  const totals = await db
    .selectFrom('test_statement_totals')
    .select(['total', 'notes'])
    .where('ledger_id', '=', streamId)
    .executeTakeFirst();
  const log = await db.selectFrom('test_statement_log').select('amount').where('ledger_id', '=', streamId).orderBy('position').execute();
  const checkpoint = await db.selectFrom('checkpoints').select('position').where('name', '=', PROJECTOR).executeTakeFirst();
  return {
    total: Number(totals?.total ?? 0),
    notes: Number(totals?.notes ?? 0),
    amounts: log.map((row) => Number(row.amount)),
    checkpoint: Number(checkpoint?.position ?? 0),
  };
}

describe('a projector writing runs in one statement', () => {
  it('writes each batch with its checkpoint, the first in a transaction and the next as one statement', async () => {
    const chronicle = await start();
    const ledgerId = crypto.randomUUID();
    await post(chronicle, ledgerId, 5);
    const last = await post(chronicle, ledgerId, 7, 8);
    expect(await read(chronicle, ledgerId)).toEqual({ total: 20, notes: 0, amounts: [5, 7, 8], checkpoint: last });
  });

  it('applies its runs inside the transaction of a batch with other handlers in it', async () => {
    const chronicle = await start();
    const ledgerId = crypto.randomUUID();
    await chronicle.runtimes.stop();
    const posted = (amount: number) => ({ type: 'Posted', data: { amount } });
    // One append, so the projector reads all of it as one batch.
    const { positions } = await chronicle.store.append(`ledger-${ledgerId}`, [
      posted(1),
      posted(2),
      { type: 'Annotated', data: { note: 'a note' } },
      posted(4),
    ]);
    const position = positions.at(-1)!;
    await chronicle.runtimes.start();
    await waitForRuntime(chronicle, PROJECTOR, position);
    expect(await read(chronicle, ledgerId)).toEqual({ total: 7, notes: 1, amounts: [1, 2, 4], checkpoint: position });
  });

  it('is fenced: a checkpoint another instance moved meanwhile fails the statement, writes and all', async () => {
    const logs: string[] = [];
    const chronicle = await start(logs);
    const ledgerId = crypto.randomUUID();
    await post(chronicle, ledgerId, 5);
    // An event the projector has nothing to do for moves its checkpoint in memory only...
    const [noise] = (await chronicle.store.append(`noise-${ledgerId}`, [{ type: 'Noise', data: {} }])).positions as [number];
    await waitForRuntime(chronicle, PROJECTOR, noise);
    // ...and another instance (briefly also leading) stored it meanwhile.
    await chronicle.database.db.updateTable('checkpoints').set({ position: noise }).where('name', '=', PROJECTOR).execute();
    const last = await post(chronicle, ledgerId, 7);
    expect(await read(chronicle, ledgerId)).toEqual({ total: 12, notes: 0, amounts: [5, 7], checkpoint: last });
    expect(logs.filter((line) => line.includes('checkpoint moved'))).toHaveLength(1);
  });

  it('writes nothing of a batch whose statement fails, and applies it once it goes through', async () => {
    const logs: string[] = [];
    const chronicle = await start(logs);
    const ledgerId = crypto.randomUUID();
    await post(chronicle, ledgerId, 5);
    await chronicle.database.db.schema.alterTable('test_statement_log').addCheckConstraint('no_thirteen', sql`amount <> 13`).execute();
    const { position } = await chronicle.router.dispatch({ type: 'Post', ledgerId, amounts: [6, 13] });
    await expect.poll(() => logs.some((line) => line.includes('runtime batch failed'))).toBe(true);
    expect(await read(chronicle, ledgerId)).toMatchObject({ total: 5, amounts: [5] });
    await chronicle.database.db.schema.alterTable('test_statement_log').dropConstraint('no_thirteen').execute();
    await waitForRuntime(chronicle, PROJECTOR, position!);
    expect(await read(chronicle, ledgerId)).toEqual({ total: 24, notes: 0, amounts: [5, 6, 13], checkpoint: position });
  });
});
