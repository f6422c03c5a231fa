import { type Kysely, sql } from 'kysely';

/**
 * Every version (generation) of every projection's read tables: the live one readers read, at
 * most one being built beside it, and the retired ones, kept as history (their tables are dropped).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('projection_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('projection', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('code_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('live', 'building', 'retired')`))
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('schema_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('switched_at', 'timestamptz')
    .addColumn('retired_at', 'timestamptz')
    .addUniqueConstraint('projection_versions_generation_key', ['projection', 'generation'])
    .execute();
  // One live version and at most one being built, per projection: the database referees two instances racing to create one.
  await sql`create unique index projection_versions_one_live on projection_versions (projection) where status = 'live'`.execute(db);
  await sql`create unique index projection_versions_one_building on projection_versions (projection) where status = 'building'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('projection_versions').ifExists().execute();
}
