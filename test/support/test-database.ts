import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Database, DialectName } from '../../src/db/database.js';
import { migrationsOf } from '../../src/app/domain-module.js';
import { domains } from '../../src/app/domains.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createPgliteDatabase } from '../../src/db/pglite-database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { pgliteTemplatePath } from './pglite-template.js';
import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, databaseUrl } from './postgres-urls.js';

export const dialect = (process.env.CHRONICLE_TEST_DIALECT ?? 'pglite') as DialectName;

/** Tests that need several connections at once (races, concurrent writers) run on PostgreSQL only. */
export const concurrent = dialect === 'postgres';
export const NEEDS_CONCURRENCY = '(needs concurrent connections)';

export interface TestDatabase extends Database {
  url: string | undefined;
}

/** A fresh, migrated database of the dialect under test, dropped again by `close`. */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (dialect === 'pglite') {
    const template = await readFile(pgliteTemplatePath()).catch(() => undefined);
    const database = await createPgliteDatabase(template ? { loadDataDir: new Blob([template]) } : {});
    await migrateToLatest(database, migrationsOf(domains));
    return Object.assign(database, { url: undefined });
  }
  const adminUrl = process.env.CHRONICLE_TEST_ADMIN_URL!;
  const name = `${TEST_DATABASE_PREFIX}${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  await admin.end();
  const url = databaseUrl(adminUrl, name);
  const database = createPostgresDatabase({ connectionString: url, ...options });
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
