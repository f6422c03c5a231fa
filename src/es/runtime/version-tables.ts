import { type Kysely, sql } from 'kysely';

/** Where the live version of every projection's tables is, and where readers read them. */
export const LIVE_SCHEMA = 'public';

/**
 * Creates a version's empty tables in a schema of its own, each like its live one with its
 * columns, defaults, constraints and indexes, and the foreign keys between them (which `like`
 * leaves out; a projector may rely on their cascades). Safe to run again: a builder resuming
 * after a leader change finds them there.
 */
export async function createVersionTables(db: Kysely<any>, schema: string, tables: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
    const { rows: existing } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = ${schema}
    `.execute(trx);
    const missing = tables.filter((table) => !existing.some((row) => row.table_name === table));
    for (const table of missing) {
      await sql`create table ${sql.id(schema, table)} (like ${sql.id(LIVE_SCHEMA, table)} including all)`.execute(trx);
    }
    if (missing.length === 0) return;
    const { rows: foreignKeys } = await sql<{ table_name: string; name: string; definition: string }>`
      select t.relname as table_name, c.conname as name, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      join pg_class r on r.oid = c.confrelid
      where c.contype = 'f' and n.nspname = ${LIVE_SCHEMA}
        and t.relname in (${sql.join(tables)}) and r.relname in (${sql.join(tables)})
    `.execute(trx);
    // The definitions name the referenced tables unqualified: resolved in the version's schema first.
    await writeInSchema(trx, schema);
    for (const { table_name, name, definition } of foreignKeys) {
      await sql`alter table ${sql.id(schema, table_name)} add constraint ${sql.id(name)} ${sql.raw(definition)}`.execute(trx);
    }
  });
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
