import { type Kysely, sql } from 'kysely';

/** Where the live version of every projection's tables is, and where readers read them. */
export const LIVE_SCHEMA = 'public';

/**
 * Creates a version's empty tables in a schema of its own, each like its live one with its
 * columns, defaults, constraints and indexes (not its foreign keys, which `like` does not copy).
 * Safe to run again: a builder resuming after a leader change finds them there.
 */
export async function createVersionTables(db: Kysely<any>, schema: string, tables: readonly string[]): Promise<void> {
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  for (const table of tables) {
    await sql`create table if not exists ${sql.id(schema, table)} (like ${sql.id(LIVE_SCHEMA, table)} including all)`.execute(db);
  }
}

/** Drops a version's schema and whatever is left in it (an abandoned build). */
export async function dropVersionSchema(db: Kysely<any>, schema: string): Promise<void> {
  if (schema === LIVE_SCHEMA) return;
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
}

/** Makes a transaction's unqualified table names resolve to a version's schema first (the log stays in `public`). */
export async function writeInSchema(trx: Kysely<any>, schema: string): Promise<void> {
  await sql`select set_config('search_path', ${`${quoteIdent(schema)}, ${LIVE_SCHEMA}`}, true)`.execute(trx);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
