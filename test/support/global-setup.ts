import { rm, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { createPgliteDatabase } from '../../src/db/pglite-database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { pgliteTemplatePath } from './pglite-template.js';
import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, databaseUrl } from './postgres-urls.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Migrates a template database once per dialect; each test file then starts from a copy. */
export async function setup(): Promise<() => Promise<void>> {
  await dumpPgliteTemplate();
  const stopPostgres = await preparePostgresTemplate();
  return async () => {
    await rm(pgliteTemplatePath(), { force: true });
    await stopPostgres();
  };
}

async function dumpPgliteTemplate(): Promise<void> {
  const template = await createPgliteDatabase();
  await migrateToLatest(template);
  await writeFile(pgliteTemplatePath(), Buffer.from(await (await template.dump()).arrayBuffer()));
  await template.close();
}

async function preparePostgresTemplate(): Promise<() => Promise<void>> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch {
    return async () => {};
  }
  await dropTestDatabases(admin);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  const template = createPostgresDatabase({ connectionString: databaseUrl(adminUrl, TEMPLATE_DATABASE), poolSize: 1 });
  await migrateToLatest(template);
  await template.close();
  await admin.end();

  return async () => {
    const cleaner = new pg.Client({ connectionString: adminUrl });
    await cleaner.connect();
    await dropTestDatabases(cleaner);
    await cleaner.end();
  };
}

async function dropTestDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1 or datname = $2`, [
    `${TEST_DATABASE_PREFIX}%`,
    TEMPLATE_DATABASE,
  ]);
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
}
