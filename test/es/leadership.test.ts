import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { Database } from '../../src/db/database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { waitUntil } from '../faults/helpers/wait-until.js';
import { startChronicle } from './fixtures/app.js';
import { createLedgerTables, ledgerModule } from './fixtures/ledger.js';

let database: TestDatabase | undefined;
const apps: Chronicle[] = [];

afterEach(async () => {
  // Each instance has its own pool over the shared test database, which is dropped last.
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await database?.close();
  database = undefined;
});

async function sharedDatabase(): Promise<TestDatabase> {
  database = await createTestDatabase({ poolSize: 4 });
  await createLedgerTables(database.db);
  return database;
}

/** Another instance's own pool on the same database; `leads` false removes its leadership, so it runs every runtime. */
function instanceDatabase(url: string, { leads = true } = {}): Database {
  const own = createPostgresDatabase({ connectionString: url, poolSize: 4 });
  return leads ? own : { ...own, openLockSession: undefined };
}

const stateOf = async (app: Chronicle) => (await app.runtimes.status()).find((status) => status.name === 'ledger')!.state;

describe('runtime leadership across instances', () => {
  it.skipIf(!concurrent)(
    `runs a projector in one instance; the other stands by, reads its writes, and takes over ${NEEDS_CONCURRENCY}`,
    async () => {
      const { url } = await sharedDatabase();
      const first = await startChronicle([ledgerModule({})], { database: instanceDatabase(url!) });
      apps.push(first);
      const second = await startChronicle([ledgerModule({})], { database: instanceDatabase(url!) });
      apps.push(second);
      expect(await stateOf(first)).not.toBe('standby');
      expect(await stateOf(second)).toBe('standby');

      // A strong command on the standby waits for the leader's projection.
      const ledgerId = crypto.randomUUID();
      await second.router.dispatch({ type: 'Post', ledgerId, amounts: [5] }, { consistency: 'strong' });
      const totals = await second.database.db
        .selectFrom('test_ledger_totals')
        .select('total')
        .where('ledger_id', '=', ledgerId)
        .executeTakeFirst();
      expect(Number(totals?.total)).toBe(5);

      // The leader goes away; the standby takes over and goes on from the checkpoint.
      apps.splice(apps.indexOf(first), 1);
      await first.stop();
      await waitUntil(async () => (await stateOf(second)) === 'live', { what: 'the standby leads', timeoutMs: 5_000 });
      await second.router.dispatch({ type: 'Post', ledgerId, amounts: [7] }, { consistency: 'strong' });
      const after = await second.database.db
        .selectFrom('test_ledger_totals')
        .select(['total', 'entries'])
        .where('ledger_id', '=', ledgerId)
        .executeTakeFirst();
      expect([Number(after?.total), Number(after?.entries)]).toEqual([12, 2]);
    },
  );

  it.skipIf(!concurrent)(
    `fences a split brain: two instances both running a projector still apply each batch once ${NEEDS_CONCURRENCY}`,
    async () => {
      const { url } = await sharedDatabase();
      // Both instances believe they lead: the checkpoint's compare-and-set is all that stands between them.
      const one = await startChronicle([ledgerModule({})], {
        database: instanceDatabase(url!, { leads: false }),
        runtimeOptions: { batchSize: 3 },
      });
      apps.push(one);
      const two = await startChronicle([ledgerModule({})], {
        database: instanceDatabase(url!, { leads: false }),
        runtimeOptions: { batchSize: 3 },
      });
      apps.push(two);
      expect(await stateOf(one)).not.toBe('standby');
      expect(await stateOf(two)).not.toBe('standby');

      // One ledger per command, so the two instances' writers never conflict: only their projectors race.
      const amounts = Array.from({ length: 60 }, (_, index) => index + 1);
      await Promise.all(
        amounts.map((amount, index) =>
          (index % 2 ? one : two).router.dispatch({ type: 'Post', ledgerId: crypto.randomUUID(), amounts: [amount] }),
        ),
      );
      await Promise.all([one.runtimes.settle(), two.runtimes.settle()]);

      const db = one.database.db;
      const totals = await db
        .selectFrom('test_ledger_totals')
        .select([sql<string>`sum(total)`.as('total'), sql<string>`sum(entries)`.as('entries')])
        .executeTakeFirstOrThrow();
      expect([Number(totals.total), Number(totals.entries)]).toEqual([amounts.reduce((sum, amount) => sum + amount, 0), amounts.length]);
      const twice = await db.selectFrom('test_ledger_log').select('position').groupBy('position').having(sql`count(*)`, '>', 1).execute();
      expect(twice).toEqual([]);
    },
  );
});
