import { type Migration, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type DomainModule, migrationsOf } from '../../src/app/domain-module.js';
import { domains } from '../../src/app/domains.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { engineMigrations } from '../../src/es/index.js';
import { createEmptyTestDatabase } from '../support/empty-test-database.js';
import { concurrent, NEEDS_CONCURRENCY } from '../support/test-database.js';

/** What the server, `npm run migrate` and the tests' templates run. */
const migrations = migrationsOf(domains);
const bank = domains.find((domain) => domain.name === 'bank')!;
const withoutBank = domains.filter((domain) => domain !== bank);

/**
 * The list as it was when every migration lived in one folder: these names are recorded in existing
 * databases. `0007-challenges` then also created the engine's `scheduled_commands`.
 */
const listBeforeSlicesOwnedTheirs: Record<string, Migration> = {
  ...Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== '0007-scheduled-commands')),
  '0007-challenges': {
    async up(db) {
      await migrations['0007-challenges']!.up(db);
      await migrations['0007-scheduled-commands']!.up(db);
    },
  },
};

async function withEmptyDatabase(test: (database: Database) => Promise<void>): Promise<void> {
  const database = await createEmptyTestDatabase();
  try {
    await test(database);
  } finally {
    await database.close();
  }
}

const ranNow = (result: Awaited<ReturnType<typeof migrateToLatest>>) => (result.results ?? []).map((r) => `${r.migrationName} ${r.status}`);

async function tablesOf(database: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = 'public' order by 1
  `.execute(database.db);
  return rows.map((row) => row.name);
}

/** Every column, index and function of the public schema: what a migration may change. */
async function schemaOf(database: Database): Promise<unknown[]> {
  const { rows: columns } = await sql`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public' order by 1, 2
  `.execute(database.db);
  const { rows: indexes } = await sql`select indexname, indexdef from pg_indexes where schemaname = 'public' order by 1`.execute(
    database.db,
  );
  const { rows: functions } = await sql`
    select proname from pg_proc where pronamespace = 'public'::regnamespace order by 1
  `.execute(database.db);
  return [columns, indexes, functions];
}

async function recorded(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((row) => row.name as string);
}

describe('migrations', () => {
  it('are the engine’s and the listed slices’, under the names existing databases recorded, in the order they always ran', () => {
    expect(Object.keys(migrations)).toEqual([
      '0001-event-store',
      '0002-bank',
      '0003-calculator',
      '0004-command-refusals',
      '0005-orders',
      '0006-coins',
      '0007-challenges',
      '0007-scheduled-commands',
      '0008-arena',
      '0009-command-refusal-details',
      '0010-checkpoint-fence',
      '0011-order-owners',
      '0013-event-schema-version',
      '0014-projection-versions',
      '0015-personal-data-keys',
      '0016-forget-plaintext-snapshots',
      '0017-snapshot-history',
      '0018-account-owners',
      '0019-coin-account-owners',
      '0022-events-by-actor',
    ]);
    expect(Object.keys(engineMigrations)).toEqual([
      '0001-event-store',
      '0004-command-refusals',
      '0007-scheduled-commands',
      '0009-command-refusal-details',
      '0010-checkpoint-fence',
      '0013-event-schema-version',
      '0014-projection-versions',
      '0015-personal-data-keys',
      '0016-forget-plaintext-snapshots',
      '0017-snapshot-history',
      '0022-events-by-actor',
    ]);
  });

  it('refuse two migrations of one name, and a name without its number', () => {
    const copy: DomainModule = { name: 'copy', register() {}, migrations: { '0002-bank': bank.migrations!['0002-bank']! } };
    expect(() => migrationsOf([bank, copy])).toThrow('Migration 0002-bank of the copy slice has the name of one of the bank slice');
    const unnumbered: DomainModule = { name: 'loose', register() {}, migrations: { 'loose-tables': { up: async () => {} } } };
    expect(() => migrationsOf([unnumbered])).toThrow('Migration loose-tables of the loose slice is not named NNNN-<what>');
  });

  it.skipIf(!concurrent)(`run exactly once when several instances start at once ${NEEDS_CONCURRENCY}`, async () => {
    const first = await createEmptyTestDatabase({ poolSize: 2 });
    const others = Array.from({ length: 3 }, () => createPostgresDatabase({ connectionString: first.url!, poolSize: 2 }));
    try {
      const results = await Promise.all([first, ...others].map((instance) => migrateToLatest(instance, migrations)));
      const executed = results.flatMap((result) => (result.results ?? []).filter((r) => r.status === 'Success'));
      expect(executed.map((r) => r.migrationName).sort()).toEqual(Object.keys(migrations));
      expect(await recorded(first)).toEqual(Object.keys(migrations));
    } finally {
      await Promise.all(others.map((instance) => instance.close()));
      await first.close();
    }
  });

  it('bring an empty database up to date, and are a no-op the second time', () =>
    withEmptyDatabase(async (database) => {
      const first = await migrateToLatest(database, migrations);
      expect(first.results?.map((r) => r.migrationName)).toEqual(Object.keys(migrations));
      const second = await migrateToLatest(database, migrations);
      expect(second.results).toEqual([]);
    }));

  it('find a database migrated before the slices owned their migrations up to date: only the split-off scheduled commands run, and change nothing', () =>
    withEmptyDatabase(async (database) => {
      await migrateToLatest(database, listBeforeSlicesOwnedTheirs);
      const before = await schemaOf(database);

      expect(ranNow(await migrateToLatest(database, migrations))).toEqual(['0007-scheduled-commands Success']);
      expect(await schemaOf(database)).toEqual(before);
      expect(await migrateToLatest(database, migrations)).toEqual({ results: [] });
    }));

  it('leave the tables of a slice no longer listed as they are, and run nothing again when it is listed again', () =>
    withEmptyDatabase(async (database) => {
      await migrateToLatest(database, migrations);
      await database.db
        .insertInto('bank_accounts')
        .values({
          account_number: 'A-1',
          holder: 'Ada',
          balance: 10,
          status: 'OPEN',
          version: 1,
          opened_at: new Date(),
          updated_at: new Date(),
        })
        .execute();

      expect(await migrateToLatest(database, migrationsOf(withoutBank))).toEqual({ results: [] });
      expect(await tablesOf(database)).toContain('bank_accounts');
      expect(await recorded(database)).toEqual(Object.keys(migrations));

      expect(await migrateToLatest(database, migrations)).toEqual({ results: [] });
      expect(await database.db.selectFrom('bank_accounts').select('holder').execute()).toEqual([{ holder: 'Ada' }]);
    }));

  it('run the migrations of a slice added to a database that ran later ones', () =>
    withEmptyDatabase(async (database) => {
      await migrateToLatest(database, migrationsOf(withoutBank));
      expect(await tablesOf(database)).not.toContain('bank_accounts');

      expect(ranNow(await migrateToLatest(database, migrations))).toEqual(['0002-bank Success', '0018-account-owners Success']);
      expect(await tablesOf(database)).toEqual(expect.arrayContaining(['bank_accounts', 'bank_transactions', 'bank_transfers']));
    }));
});
