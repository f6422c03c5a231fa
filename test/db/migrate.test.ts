import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createPgliteDatabase } from '../../src/db/pglite-database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { migrations } from '../../migrations/index.js';
import { databaseUrl, TEST_DATABASE_PREFIX } from '../support/postgres-urls.js';
import { concurrent, dialect, NEEDS_CONCURRENCY } from '../support/test-database.js';

const adminUrl = process.env.CHRONICLE_TEST_ADMIN_URL!;
const created: string[] = [];

afterAll(async () => {
  if (created.length === 0) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

async function emptyPostgresDatabase(): Promise<string> {
  const name = `${TEST_DATABASE_PREFIX}empty_${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  created.push(name);
  return databaseUrl(adminUrl, name);
}

describe('migrations', () => {
  it.skipIf(!concurrent)(`run exactly once when several instances start at once ${NEEDS_CONCURRENCY}`, async () => {
    const url = await emptyPostgresDatabase();
    const instances = Array.from({ length: 4 }, () => createPostgresDatabase({ connectionString: url, poolSize: 2 }));
    try {
      const results = await Promise.all(instances.map((instance) => migrateToLatest(instance)));
      const executed = results.flatMap((result) => (result.results ?? []).filter((r) => r.status === 'Success'));
      expect(executed.map((r) => r.migrationName).sort()).toEqual(Object.keys(migrations).sort());
      const recorded = await instances[0]!.db.selectFrom('kysely_migration').select('name').execute();
      expect(recorded).toHaveLength(Object.keys(migrations).length);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  it.skipIf(dialect !== 'pglite')('bring an empty embedded database up to date, and are a no-op the second time', async () => {
    const database = await createPgliteDatabase();
    try {
      const first = await migrateToLatest(database);
      expect(first.results?.map((r) => r.migrationName)).toEqual(Object.keys(migrations));
      const second = await migrateToLatest(database);
      expect(second.results).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
