import { type Kysely, sql } from 'kysely';

/**
 * `snapshot_history`: every snapshot ever taken of a stream, beside `snapshots` (the newest one,
 * which present-state loads read). A load as of a past version starts from the newest snapshot at
 * or before it (docs/time-travel.md). Like `snapshots`, a cache: deleting rows loses nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('snapshot_history')
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('snapshot_history_pkey', ['stream_id', 'schema_version', 'version'])
    .execute();
  await sql`
    insert into snapshot_history (stream_id, schema_version, version, state, created_at)
    select stream_id, schema_version, version, state, created_at from snapshots
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('snapshot_history').execute();
}
