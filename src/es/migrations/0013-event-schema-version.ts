import type { Kysely } from 'kysely';

/**
 * The schema version of each event's data, so a reader knows which upcasters bring it to the
 * current shape (docs/upcasting.md). Every event stored before is version 1; stored rows are never
 * rewritten.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('schema_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('schema_version').execute();
}
