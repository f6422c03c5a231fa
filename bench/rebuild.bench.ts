import os from 'node:os';
import pg from 'pg';
import pino from 'pino';
import { createChronicle } from '../src/app/create-chronicle.js';
import type { Chronicle } from '../src/app/chronicle.js';
import { loadConfig } from '../src/config.js';
import { createPostgresDatabase } from '../src/db/postgres-database.js';
import { ACCOUNTS_PROJECTION } from '../src/domains/bank/accounts-projector.js';
import { bankModule } from '../src/domains/bank/bank-module.js';
import { BUILD_BATCH_SIZE } from '../src/es/runtime/projection-builder.js';
import { type Benchmark, printTable } from './report.js';
import { seedBankLog } from './seed-bank-log.js';

const EVENTS_PER_ACCOUNT = 100;
const ROUNDS = 3;
/** A build reads the log in pages of this size: the baselines page by the same. */
const PAGE = BUILD_BATCH_SIZE;

/**
 * A blue-green rebuild of the bank-accounts projection (rebuildProjection until the new version
 * has switched in) over the whole log, in events per second, against a bare paged `select` of the
 * same rows in order with the same driver: how close replaying comes to merely reading the log.
 * `BENCH_REBUILD_EVENTS` sets the log's size (100,000 by default; 1,000,000 for issue 16's target),
 * 100 events an account. Rounds alternate (select, the engine's read, rebuild) and medians are reported.
 */
export const rebuildBenchmark: Benchmark = {
  name: 'rebuild',
  async run(ctx) {
    const events = Number(process.env.BENCH_REBUILD_EVENTS ?? 100_000);
    const database = createPostgresDatabase({ connectionString: ctx.url, poolSize: 4 });
    const app = await createChronicle(
      { ...loadConfig({}), pollIntervalMs: 200 },
      { database, domains: [bankModule], logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) },
    );
    const reader = new pg.Pool({ connectionString: ctx.url, max: 1 });
    try {
      const seedStarted = performance.now();
      await seedBankLog(app, Math.ceil(events / EVENTS_PER_ACCOUNT), EVENTS_PER_ACCOUNT);
      app.feed.poke();
      await app.runtimes.settle();
      // As autovacuum would soon: with the statistics of an empty table, the feed's bounded read
      // (position > after and position <= head) is planned as a bitmap scan and a sort of everything after.
      await reader.query('vacuum analyze events');
      const head = await app.store.head();
      console.log(
        `Seeded and projected ${head.toLocaleString('en-US')} events in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
      );

      const select = async () => {
        for (let after = 0; ; ) {
          const page = await reader.query<{ position: string }>('select * from events where position > $1 order by position limit $2', [
            after,
            PAGE,
          ]);
          if (page.rows.length === 0) return;
          after = Number(page.rows.at(-1)!.position);
        }
      };
      // The engine's own read of the same pages (rows decoded, personal data opened, upcast): what a replay reads through.
      const readAll = async () => {
        for (let after = 0; ; ) {
          const page = await app.store.readAll({ after, limit: PAGE });
          if (page.length === 0) return;
          after = page.at(-1)!.position;
        }
      };
      const rebuild = () => rebuildUntilSwitched(app);

      const timings = { select: [] as number[], readAll: [] as number[], rebuild: [] as number[] };
      const loads: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        loads.push(os.loadavg()[0]!);
        for (const [name, work] of Object.entries({ select, readAll, rebuild })) {
          const started = performance.now();
          await work();
          timings[name as keyof typeof timings].push(performance.now() - started);
        }
        const [s, r, b] = [timings.select, timings.readAll, timings.rebuild].map((ms) => Math.round(ms.at(-1)!));
        console.log(`round ${round + 1}: select ${s} ms, readAll ${r} ms, rebuild ${b} ms (ratio ${(s! / b!).toFixed(2)})`);
      }
      loads.push(os.loadavg()[0]!);

      const perSecond = (ms: number) => Math.round((head / ms) * 1_000);
      // Each round's own ratio (the machine's speed drifts between rounds), then their median.
      const ratio = (ms: number[]) => median(ms.map((value, round) => timings.select[round]! / value)).toFixed(2);
      const row = (what: string, ms: number[]) => [what, Math.round(median(ms)), perSecond(median(ms)), ratio(ms)];
      printTable(
        `replaying the whole log (${head.toLocaleString('en-US')} bank events) in pages of ${PAGE.toLocaleString('en-US')}, ` +
          `medians of ${ROUNDS} alternating rounds, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
        ['what', 'ms', 'events/s', 'ratio (median of rounds)'],
        [
          row('bare paged select', timings.select),
          row('EventStore.readAll, same pages', timings.readAll),
          row(`blue-green rebuild of ${ACCOUNTS_PROJECTION}, until switched in`, timings.rebuild),
        ],
      );
    } finally {
      await reader.end();
      await app.stop();
    }
  },
};

/** Asks for a new version of the bank-accounts tables and waits until it has been built and switched in. */
async function rebuildUntilSwitched(app: Chronicle): Promise<void> {
  const version = await app.runtimes.rebuild(ACCOUNTS_PROJECTION);
  await app.runtimes.settle();
  const live = (await app.runtimes.versions(ACCOUNTS_PROJECTION)).find((candidate) => candidate.status === 'live');
  if (live?.id !== version) throw new Error(`the rebuilt version ${version} did not switch in`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
