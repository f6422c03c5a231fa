import { sql } from 'kysely';
import { tables } from '../src/db/database.js';
import type { EventStoreTables } from '../src/es/event-store-tables.js';
import { EventStore } from '../src/es/event-store.js';
import { measure, median, printTable, ratio, type Benchmark, type Measurement } from './report.js';

const CONCURRENCY = [1, 8, 32];
/** The pool both sides get, at every concurrency: the service's default DB_POOL_SIZE. */
const POOL_SIZE = 20;
/** Where the event store should be, relative to one-row inserts on the same pool. */
const TARGETS: Record<number, number> = { 8: 0.7, 32: 0.7 };
/** Baseline and store are measured alternately this many times; the median of each is reported. */
const ROUNDS = 3;

/**
 * Appends of one event each, every writer on its own stream (so no version conflicts), through
 * `EventStore.append`, against the cheapest durable write PostgreSQL offers: a one-row INSERT into
 * a bigserial + jsonb table in its own transaction, on a pool of the same size at the same concurrency.
 */
export const appendBenchmark: Benchmark = {
  name: 'append',
  async run(ctx) {
    const rawDatabase = ctx.database(POOL_SIZE);
    const raw = rawDatabase.db;
    await sql`drop table if exists bench_raw_events`.execute(raw);
    await sql`create table bench_raw_events (id bigserial primary key, stream_id text not null, data jsonb not null)`.execute(raw);

    const storeDatabase = ctx.database(POOL_SIZE);
    const store = new EventStore(tables<EventStoreTables>(storeDatabase));
    const run = crypto.randomUUID().slice(0, 8);

    const rows: Array<Array<string | number>> = [];
    try {
      for (const concurrency of CONCURRENCY) {
        const versions = new Array<number>(concurrency).fill(0);
        const insertRaw = async (worker: number) => {
          await raw
            .insertInto('bench_raw_events')
            .values({ stream_id: `raw-${run}-${concurrency}-${worker}`, data: JSON.stringify({ worker, amount: 1 }) })
            .execute();
        };
        const append = async (worker: number) => {
          const streamId = `bench-${run}-${concurrency}-${worker}`;
          const result = await store.append(streamId, [{ type: 'Deposited', data: { worker, amount: 1 } }], versions[worker]!);
          versions[worker] = result.version;
        };
        const baselines: Measurement[] = [];
        const appends: Measurement[] = [];
        // Alternating rounds, so a neighbour's load or a checkpoint lands on both sides alike.
        for (let round = 0; round < ROUNDS; round += 1) {
          const settings = { concurrency, durationMs: ctx.durationMs, warmupMs: ctx.warmupMs };
          baselines.push(await measure({ ...settings, operation: insertRaw }));
          appends.push(await measure({ ...settings, operation: append }));
        }
        const baseline = median(baselines);
        const appended = median(appends);

        rows.push([
          String(concurrency),
          baseline.perSecond,
          appended.perSecond,
          ratio(appended.perSecond, baseline.perSecond, TARGETS[concurrency]),
          baseline.p50Ms,
          appended.p50Ms,
          baseline.p99Ms,
          appended.p99Ms,
        ]);
      }
    } finally {
      await sql`drop table if exists bench_raw_events`.execute(raw);
    }

    printTable(
      `Append: one event per append, writers on distinct streams, pool ${POOL_SIZE}, median of ${ROUNDS} alternating rounds (target ratio >= 0.7 at 8 and 32)`,
      ['writers', 'raw INSERT ev/s', 'EventStore ev/s', 'ratio', 'raw p50 ms', 'store p50 ms', 'raw p99 ms', 'store p99 ms'],
      rows,
    );
  },
};
