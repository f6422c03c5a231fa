import pg from 'pg';
import { tables } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createPostgresDatabase } from '../src/db/postgres-database.js';
import { migrationsOf } from '../src/app/domain-module.js';
import { domains } from '../src/app/domains.js';
import type { EventStoreTables } from '../src/es/event-store-tables.js';
import { EventStore } from '../src/es/event-store.js';
import { createThrowawayPostgres, throwawayPostgresUnavailable } from '../test/support/throwaway-postgres.js';
import { createThrowawayReplica, type ThrowawayReplica } from '../test/support/throwaway-replica.js';
import { measure, median, printTable, ratio, type Benchmark, type Measurement } from './report.js';

const WRITERS = 32;
const POOL_SIZE = 20;
const MAX_REPLICAS = 3;
const ROUNDS = 3;

/**
 * What streaming replicas cost the primary: appends at 32 writers on a throwaway primary with 0
 * to 3 replicas attached (asynchronous, as `pg_basebackup -R` makes them), then with one
 * synchronous replica (`synchronous_standby_names`, `synchronous_commit=on`: an append returns once
 * the replica has the WAL on disk), and how far behind the replicas were when the load stopped.
 * The throwaway clusters run with fsync off, so this measures WAL shipping and replay, not disks.
 */
export const replicasBenchmark: Benchmark = {
  name: 'replicas',
  async run(ctx) {
    const unavailable = throwawayPostgresUnavailable();
    if (unavailable) {
      console.log(`skipped: ${unavailable}`);
      return;
    }
    const primary = await createThrowawayPostgres();
    const replicas: ThrowawayReplica[] = [];
    const database = createPostgresDatabase({ connectionString: primary.url, poolSize: POOL_SIZE });
    const admin = new pg.Client({ connectionString: primary.url });
    try {
      await admin.connect();
      // The throwaway cluster runs with synchronous_commit=off; a database setting overrides it for every session.
      await admin.query('alter database postgres set synchronous_commit = on');
      await migrateToLatest(database, migrationsOf(domains));
      const store = new EventStore(tables<EventStoreTables>(database));
      const run = crypto.randomUUID().slice(0, 8);
      const versions = new Map<string, number>();
      const append = async (worker: number) => {
        const streamId = `replicas-${run}-${worker}`;
        const result = await store.append(streamId, [{ type: 'Deposited', data: { worker, amount: 1 } }], versions.get(streamId) ?? 0);
        versions.set(streamId, result.version);
      };
      const settings = { concurrency: WRITERS, durationMs: ctx.durationMs, warmupMs: ctx.warmupMs };
      const lagAfterLoad = async (): Promise<number> => {
        const started = performance.now();
        await Promise.all(replicas.map((replica) => replica.caughtUp()));
        return performance.now() - started;
      };

      const rows: Array<Array<string | number>> = [];
      let alone: Measurement | undefined;
      const row = async (label: string) => {
        const rounds: Measurement[] = [];
        let lag = 0;
        for (let round = 0; round < ROUNDS; round += 1) {
          rounds.push(await measure({ ...settings, operation: append }));
          lag = Math.max(lag, await lagAfterLoad());
        }
        const result = median(rounds);
        alone ??= result;
        rows.push([
          label,
          result.perSecond,
          result.p50Ms,
          result.p99Ms,
          ratio(result.perSecond, alone.perSecond),
          replicas.length ? lag : '-',
        ]);
      };

      await row('no replica');
      for (let count = 1; count <= MAX_REPLICAS; count += 1) {
        replicas.push(await createThrowawayReplica(primary));
        await lagAfterLoad();
        await row(`${count} asynchronous`);
      }
      await admin.query(`alter system set synchronous_standby_names = 'ANY 1 (*)'`);
      await admin.query('select pg_reload_conf()');
      await row(`${MAX_REPLICAS}, one synchronous (ANY 1)`);
      printTable(
        `Appends at ${WRITERS} writers with streaming replicas (median of ${ROUNDS})`,
        ['replicas', 'events/s', 'p50 ms', 'p99 ms', 'vs none', 'catch-up after load ms'],
        rows,
      );
    } finally {
      await admin.end().catch(() => {});
      await database.close();
      for (const replica of replicas) await replica.destroy();
      await primary.destroy();
    }
  },
};
