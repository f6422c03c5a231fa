import pg from 'pg';
import pino from 'pino';
import { createChronicle } from '../src/app/create-chronicle.js';
import { loadConfig } from '../src/config.js';
import { createPostgresDatabase } from '../src/db/postgres-database.js';
import { ACCOUNTS_PROJECTION } from '../src/domains/bank/accounts-projector.js';
import type { AccountEvent } from '../src/domains/bank/account-events.js';
import { bankModule } from '../src/domains/bank/bank-module.js';
import { type Benchmark, printTable } from './report.js';

const ACCOUNTS = 1_000;
const EVENTS_PER_ACCOUNT = 100;
/** The runtimes' default batch: the baseline pages by the same size. */
const PAGE = 500;

/**
 * A blue-green rebuild of the bank-accounts projection (rebuildProjection until the new version
 * has switched in) over the whole log, at least 100,000 bank events, in events per second, against
 * a bare paged `select` of the same rows with the same driver: how close replaying comes to merely
 * reading the log.
 */
export const rebuildBenchmark: Benchmark = {
  name: 'rebuild',
  async run(ctx) {
    const database = createPostgresDatabase({ connectionString: ctx.url, poolSize: 4 });
    const app = await createChronicle(
      { ...loadConfig({}), pollIntervalMs: 200 },
      { database, domains: [bankModule], logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) },
    );
    const reader = new pg.Pool({ connectionString: ctx.url, max: 1 });
    try {
      await seed(app.store.append.bind(app.store));
      await app.runtimes.settle();
      // As autovacuum would soon: with the statistics of an empty table, the feed's bounded read
      // (position > after and position <= head) is planned as a bitmap scan and a sort of everything after.
      await reader.query('analyze events');
      const head = await app.store.head();

      const selectStarted = performance.now();
      let rows = 0;
      for (let after = 0; ; ) {
        const page = await reader.query<{ position: string }>('select * from events where position > $1 order by position limit $2', [
          after,
          PAGE,
        ]);
        if (page.rows.length === 0) break;
        rows += page.rows.length;
        after = Number(page.rows.at(-1)!.position);
      }
      const selectMs = performance.now() - selectStarted;

      // The engine's own read of the same pages (rows decoded, personal data opened, upcast): what a replay reads through.
      const storeStarted = performance.now();
      for (let after = 0; ; ) {
        const page = await app.store.readAll({ after, limit: PAGE });
        if (page.length === 0) break;
        after = page.at(-1)!.position;
      }
      const storeMs = performance.now() - storeStarted;

      const rebuildStarted = performance.now();
      const version = await app.runtimes.rebuild(ACCOUNTS_PROJECTION);
      await app.runtimes.settle();
      const rebuildMs = performance.now() - rebuildStarted;
      const live = (await app.runtimes.versions(ACCOUNTS_PROJECTION)).find((candidate) => candidate.status === 'live');
      if (live?.id !== version) throw new Error(`the rebuilt version ${version} did not switch in`);

      const perSecond = (ms: number) => Math.round((head / ms) * 1_000);
      printTable(
        `replaying the whole log (${head.toLocaleString('en-US')} events, ${(ACCOUNTS * EVENTS_PER_ACCOUNT).toLocaleString('en-US')} of them bank events) in pages of ${PAGE}`,
        ['what', 'ms', 'events/s', 'ratio'],
        [
          [`bare paged select (${rows.toLocaleString('en-US')} rows)`, Math.round(selectMs), perSecond(selectMs), '1.00'],
          [
            'EventStore.readAll, same pages',
            Math.round(storeMs),
            perSecond(storeMs),
            (perSecond(storeMs) / perSecond(selectMs)).toFixed(2),
          ],
          [
            `blue-green rebuild of ${ACCOUNTS_PROJECTION}, until switched in`,
            Math.round(rebuildMs),
            perSecond(rebuildMs),
            (perSecond(rebuildMs) / perSecond(selectMs)).toFixed(2),
          ],
        ],
      );
    } finally {
      await reader.end();
      await app.stop();
    }
  },
};

/** 1,000 accounts of 100 events each (opened, then deposits), appended 1,000 at a time, 8 streams at once. */
async function seed(append: (streamId: string, events: AccountEvent[], expected: number) => Promise<unknown>): Promise<void> {
  const run = crypto.randomUUID().slice(0, 8);
  const accounts = Array.from({ length: ACCOUNTS }, (_, index) => `RB-${run}-${index}`);
  for (let index = 0; index < accounts.length; index += 8) {
    await Promise.all(
      accounts.slice(index, index + 8).map((accountNumber) => {
        const events: AccountEvent[] = [{ type: 'AccountOpened', data: { accountNumber, holder: 'Bench' } }];
        for (let balanceAfter = 1; events.length < EVENTS_PER_ACCOUNT; balanceAfter += 1) {
          events.push({ type: 'MoneyDeposited', data: { accountNumber, amount: 1, balanceAfter } });
        }
        return append(`account-${accountNumber}`, events, 0);
      }),
    );
  }
}
