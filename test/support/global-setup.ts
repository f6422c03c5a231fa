import { rm, writeFile } from 'node:fs/promises';
import SchemaBuilder from '@pothos/core';
import type { Migration } from 'kysely';
import pg from 'pg';
import { createPgliteDatabase } from '../../src/db/pglite-database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrationsOf } from '../../src/app/domain-module.js';
import { pgliteTemplatePath } from './pglite-template.js';
import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, databaseUrl } from './postgres-urls.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Migrates a template database once per dialect; each test file then starts from a copy. */
export async function setup(): Promise<() => Promise<void>> {
  const migrations = await appMigrations();
  await dumpPgliteTemplate(migrations);
  const stopPostgres = await preparePostgresTemplate(migrations);
  return async () => {
    await rm(pgliteTemplatePath(), { force: true });
    await stopPostgres();
  };
}

/**
 * The migrations the server runs, from the slices the app lists. Vitest loads this file for the root and
 * for each project, each time in a module graph of its own, but Pothos keeps one plugin registry per
 * process: the slices' modules bring their GraphQL, whose builder would register its plugins again.
 */
async function appMigrations(): Promise<Record<string, Migration>> {
  SchemaBuilder.allowPluginReRegistration = true;
  const { domains } = await import('../../src/app/domains.js');
  return migrationsOf(domains);
}

async function dumpPgliteTemplate(migrations: Record<string, Migration>): Promise<void> {
  const template = await createPgliteDatabase();
  await migrateToLatest(template, migrations);
  await writeFile(pgliteTemplatePath(), Buffer.from(await (await template.dump()).arrayBuffer()));
  await template.close();
}

async function preparePostgresTemplate(migrations: Record<string, Migration>): Promise<() => Promise<void>> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch {
    return async () => {};
  }
  await dropTestDatabases(admin);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  const template = createPostgresDatabase({ connectionString: databaseUrl(adminUrl, TEMPLATE_DATABASE), poolSize: 1 });
  await migrateToLatest(template, migrations);
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
