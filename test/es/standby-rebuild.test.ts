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
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await database?.close();
  database = undefined;
});

function instanceDatabase(url: string): Database {
  return createPostgresDatabase({ connectionString: url, poolSize: 4 });
}

const stateOf = async (app: Chronicle) => (await app.runtimes.status()).find((status) => status.name === 'ledger')!.state;

describe('a rebuild sent to a standby instance', () => {
  it.skipIf(!concurrent)(
    `leaves the read tables whole and gets the leader to rebuild, without waiting for another event ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 4 });
      await createLedgerTables(database.db);
      const leader = await startChronicle([ledgerModule({})], {
        database: instanceDatabase(database.url!),
        runtimeOptions: { versionPollMs: 50 },
      });
      apps.push(leader);
      const standby = await startChronicle([ledgerModule({})], {
        database: instanceDatabase(database.url!),
        runtimeOptions: { versionPollMs: 50 },
      });
      apps.push(standby);
      expect(await stateOf(standby)).toBe('standby');

      for (let ledger = 0; ledger < 5; ledger++) {
        await leader.router.dispatch({ type: 'Post', ledgerId: `ledger-${ledger}`, amounts: [1, 2, 3] });
      }
      await leader.runtimes.settle();
      const totals = () =>
        standby.database.db.selectFrom('test_ledger_totals').select(['ledger_id', 'total']).orderBy('ledger_id').execute();
      const before = await totals();
      expect(before).toHaveLength(5);

      const rebuilding = await standby.runtimes.rebuild('ledger');
      expect(await totals()).toEqual(before);
      // No event follows the request: the leader must take it up by itself, and readers never see the tables empty.
      const seen: unknown[] = [];
      await waitUntil(
        async () => {
          seen.push(await totals());
          return (await standby.runtimes.versions('ledger')).some((version) => version.id === rebuilding && version.status === 'live');
        },
        { what: 'the rebuilt version is live', timeoutMs: 10_000, everyMs: 5 },
      );
      seen.push(await totals());
      expect(seen.filter((read) => JSON.stringify(read) !== JSON.stringify(before))).toEqual([]);
    },
  );
});
