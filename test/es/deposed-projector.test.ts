import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { waitUntil } from '../faults/helpers/wait-until.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startChronicle } from './fixtures/app.js';
import { createLedgerTables, ledgerModule } from './fixtures/ledger.js';

let database: TestDatabase | undefined;
let app: Chronicle | undefined;
let blocker: pg.Client | undefined;

afterEach(async () => {
  await blocker?.query('rollback').catch(() => {});
  await blocker?.end();
  await app?.stop();
  await database?.close();
  blocker = app = database = undefined;
});

const stateOf = async (instance: Chronicle) => (await instance.runtimes.status()).find((status) => status.name === 'ledger')!.state;

describe('a projector deposed while its check of the projection versions is held up', () => {
  // In a network partition the check hangs until the network is back; the batch loop went on
  // meanwhile and, once the network was back, committed batches the new leader had not stored yet.
  it.skipIf(!concurrent)(`stops its batch loop at once, not when the check returns ${NEEDS_CONCURRENCY}`, async () => {
    database = await createTestDatabase({ poolSize: 4 });
    await createLedgerTables(database.db);
    app = await startChronicle([ledgerModule({})], {
      database: createPostgresDatabase({ connectionString: database.url!, poolSize: 4 }),
      runtimeOptions: { backoffMs: 10, maxBackoffMs: 200, versionPollMs: 50 },
    });
    expect(await stateOf(app)).not.toBe('standby');

    // Every read of projection_versions waits, as the projector's next check does.
    blocker = new pg.Client({ connectionString: database.url! });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table projection_versions in access exclusive mode');
    const db = database.db;
    await waitUntil(
      async () => {
        const { rows } = await sql<{ waiting: string }>`
          select count(*) as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query like '%projection_versions%'
        `.execute(db);
        return Number(rows[0]!.waiting) > 0;
      },
      { what: "the projector's check waits on projection_versions" },
    );

    // The lock session ends (the server ended it, as it does a partitioned instance's): deposed.
    await sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name = 'chronicle-leadership'
    `.execute(db);
    await waitUntil(async () => (await stateOf(app!)) === 'standby', { what: 'the deposed projector stands by', timeoutMs: 5_000 });
  });
});
