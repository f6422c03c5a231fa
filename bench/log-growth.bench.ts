import { sql } from 'kysely';
import { tables } from '../src/db/database.js';
import type { EventStoreTables } from '../src/es/event-store-tables.js';
import { EventStore } from '../src/es/event-store.js';
import { percentile, printTable, type Benchmark } from './report.js';

/** The log sizes measured, up to BENCH_GROWTH_EVENTS (default 1,000,000). */
const STEPS = [100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000];
/** Bank accounts the generated deposits spread over: one stream each. */
const STREAMS = 10_000;
/** The runtimes' default batch: a replay reads pages of this size. */
const PAGE = 500;
const SAMPLES = 200;

/**
 * What grows with the log: it is filled with bank-sized deposits (by `insert … select`, as many
 * as a busy year) step by step, and at each size the bench reads the table's and its indexes' size
 * on disk, how long a replay takes merely to read the whole log in order (the floor under any
 * rebuild), and the latency of the two things a command does, loading one stream and appending
 * one event, which must not grow with the log. Figures for docs/scaling.md.
 */
export const logGrowthBenchmark: Benchmark = {
  name: 'log-growth',
  async run(ctx) {
    const largest = Number(process.env.BENCH_GROWTH_EVENTS ?? 1_000_000);
    const database = ctx.database(4);
    const db = tables<EventStoreTables>(database);
    const store = new EventStore(db);
    const run = crypto.randomUUID().slice(0, 8);
    const rows: Array<Array<string | number>> = [];

    let generated = 0;
    for (const size of STEPS.filter((step) => step <= largest)) {
      const started = performance.now();
      await fill(db, run, generated, size);
      generated = size;
      const filled = await store.head();
      const fillSeconds = (performance.now() - started) / 1000;
      await sql`vacuum analyze events`.execute(db);

      const { rows: sizes } = await sql<{ heap: string; indexes: string }>`
        select pg_table_size('events') as heap, pg_indexes_size('events') as indexes
      `.execute(db);
      const heap = Number(sizes[0]!.heap);
      const indexes = Number(sizes[0]!.indexes);

      const readStarted = performance.now();
      for (let after = 0; ; ) {
        const page = await store.readAll({ after, limit: PAGE });
        if (page.length === 0) break;
        after = page.at(-1)!.position;
      }
      const readSeconds = (performance.now() - readStarted) / 1000;

      const loads: number[] = [];
      for (let sample = 0; sample < SAMPLES; sample += 1) {
        const stream = `account-G${run}-${(sample * 7_919) % STREAMS}`;
        const loadStarted = performance.now();
        await store.readStream(stream);
        loads.push(performance.now() - loadStarted);
      }
      const appends: number[] = [];
      for (let sample = 0; sample < SAMPLES; sample += 1) {
        const appendStarted = performance.now();
        await store.append(`growth-${run}-${size}-${sample}`, [{ type: 'Deposited', data: { amount: 1 } }], 0);
        appends.push(performance.now() - appendStarted);
      }
      loads.sort((a, b) => a - b);
      appends.sort((a, b) => a - b);
      rows.push([
        size.toLocaleString('en'),
        (heap / 2 ** 20).toFixed(0),
        (indexes / 2 ** 20).toFixed(0),
        Math.round((heap + indexes) / filled),
        readSeconds.toFixed(1),
        Math.round(size / readSeconds).toLocaleString('en'),
        percentile(loads, 0.5).toFixed(2),
        percentile(appends, 0.5).toFixed(2),
        fillSeconds.toFixed(0),
      ]);
    }
    printTable(
      'What grows with the log',
      ['events', 'table MiB', 'indexes MiB', 'bytes/event', 'read all s', 'read events/s', 'load stream p50 ms', 'append p50 ms', 'fill s'],
      rows,
    );
    console.log(`Deposits of ~${STREAMS.toLocaleString('en')} accounts; a stream holds size/${STREAMS} events; pages of ${PAGE}.`);
  },
};

/** Appends generated deposits `from + 1` to `to` at the head, 100,000 to a statement. */
async function fill(db: ReturnType<typeof tables<EventStoreTables>>, run: string, from: number, to: number) {
  for (let start = from; start < to; start += 100_000) {
    const end = Math.min(to, start + 100_000);
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ position: string }>`select position from event_store_head where id = 1 for update`.execute(trx);
      const base = Number(rows[0]!.position) - start;
      await sql`
        insert into events (position, event_id, stream_id, version, type, data, metadata, correlation_id, causation_id, actor, occurred_at, schema_version)
        select ${base} + n, gen_random_uuid(), 'account-G' || ${run} || '-' || ((n - 1) % ${STREAMS}), (n - 1) / ${STREAMS} + 1, 'Deposited',
          jsonb_build_object('accountNumber', 'G' || ${run} || '-' || ((n - 1) % ${STREAMS}), 'amount', 100, 'balanceAfter', 100 * ((n - 1) / ${STREAMS} + 1)),
          '{}'::jsonb, gen_random_uuid()::text, gen_random_uuid()::text, 'bench', now(), 2
        from generate_series(${start + 1}::bigint, ${end}::bigint) as n
      `.execute(trx);
      await sql`update event_store_head set position = ${base + end} where id = 1`.execute(trx);
    });
  }
}
