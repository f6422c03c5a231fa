import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { DomainModule } from '../../src/app/domain-module.js';
import { everyone } from '../../src/es/access/rules.js';
import type { Database } from '../../src/db/database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { waitUntil } from '../faults/helpers/wait-until.js';
import { startChronicle } from './fixtures/app.js';
import { createLedgerTables, type LedgerHooks, ledger, ledgerProjector } from './fixtures/ledger.js';

let database: TestDatabase | undefined;
const apps: Chronicle[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await database?.close();
  database = undefined;
});

function ledgerModule(hooks: LedgerHooks, version = 1): DomainModule {
  return {
    name: 'ledger',
    register({ router, runtimes }) {
      router.register(ledger, { Post: { identity: 'ledgerId', access: everyone }, Annotate: { identity: 'ledgerId', access: everyone } });
      runtimes.addProjector({ ...ledgerProjector(hooks), version });
    },
  };
}

async function instance(url: string, hooks: LedgerHooks, version = 1): Promise<Chronicle> {
  const own: Database = createPostgresDatabase({ connectionString: url, poolSize: 4 });
  const app = await startChronicle([ledgerModule(hooks, version)], {
    database: own,
    runtimeOptions: { batchSize: 10, buildBatchSize: 10, backoffMs: 10, maxBackoffMs: 50, versionPollMs: 50 },
  });
  apps.push(app);
  return app;
}

const contents = async (app: Chronicle) => ({
  totals: await app.database.db.selectFrom('test_ledger_totals').selectAll().orderBy('ledger_id').execute(),
  log: await app.database.db.selectFrom('test_ledger_log').selectAll().orderBy('position').execute(),
});

async function post(app: Chronicle, ledgers: number, amounts: number[]): Promise<void> {
  await Promise.all(
    Array.from({ length: ledgers }, (_, index) => app.router.dispatch({ type: 'Post', ledgerId: `ledger-${index}`, amounts })),
  );
  await app.runtimes.settle();
}

describe('blue-green rebuilds across instances', () => {
  it.skipIf(!concurrent)(
    `a rebuild goes on through a leader change: the other instance resumes the version where it was ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 4 });
      await createLedgerTables(database.db);
      // The first leader's builder fails from the middle of the log on, so it is mid-rebuild when it stops.
      let middle = Number.POSITIVE_INFINITY;
      let rebuilding = false;
      const first = await instance(database.url!, {
        afterPosted: (event) => {
          if (rebuilding && event.position > middle) throw new Error('the first leader stops here');
        },
      });
      const second = await instance(database.url!, {});
      await post(first, 20, [1, 2, 3, 4, 5]);
      const expected = await contents(first);
      middle = Math.floor((await first.store.head()) / 2);

      rebuilding = true;
      const version = await second.runtimes.rebuild('ledger');
      const progress = async () => (await second.runtimes.versions('ledger')).find((candidate) => candidate.id === version)!;
      await waitUntil(async () => ((await progress()).position ?? 0) >= middle - 10, { what: 'the build is half way' });
      expect((await progress()).status).toBe('building');

      apps.splice(apps.indexOf(first), 1);
      await first.stop();
      await waitUntil(async () => (await progress()).status === 'live', { what: 'the second instance finishes the build' });

      expect(await contents(second)).toEqual(expected);
      const twice = await second.database.db
        .selectFrom('test_ledger_log')
        .select('position')
        .groupBy('position')
        .having(sql`count(*)`, '>', 1)
        .execute();
      expect(twice).toEqual([]);
      // Live again: a new event reaches the switched-in tables.
      await second.router.dispatch({ type: 'Post', ledgerId: 'ledger-0', amounts: [100] }, { consistency: 'strong' });
      const total = await second.database.db
        .selectFrom('test_ledger_totals')
        .select('total')
        .where('ledger_id', '=', 'ledger-0')
        .executeTakeFirst();
      expect(Number(total?.total)).toBe(115);
    },
  );

  it.skipIf(!concurrent)(
    `in a rolling deploy, the new code builds its version beside the old code's live one and switches; the old instance then keeps its own ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 4 });
      await createLedgerTables(database.db);
      const old = await instance(database.url!, {});
      await post(old, 10, [1, 2, 3]);
      const expected = await contents(old);

      let replayed = 0;
      const upgraded = await instance(database.url!, { afterPosted: () => void (replayed += 1) }, 2);
      await waitUntil(async () => (await upgraded.runtimes.versions('ledger')).some((v) => v.codeVersion === 2 && v.status === 'live'), {
        what: 'version 2 is live',
      });
      expect(replayed).toBeGreaterThanOrEqual(30);
      expect(await contents(upgraded)).toEqual(expected);

      // The old instance still leads its code's runtime, now writing its version kept beside the live one: a strong command there reads its own write.
      await old.router.dispatch({ type: 'Post', ledgerId: 'ledger-1', amounts: [10] }, { consistency: 'strong' });
      const total = await old.database.db
        .selectFrom('test_ledger_totals')
        .select('total')
        .where('ledger_id', '=', 'ledger-1')
        .executeTakeFirst();
      expect(Number(total?.total)).toBe(16);
      const entries = await old.database.db.selectFrom('test_ledger_log').select('position').where('ledger_id', '=', 'ledger-1').execute();
      expect(entries).toHaveLength(4);
    },
  );
});
