import { type Kysely, sql } from 'kysely';

/**
 * Refusals of commands sent with a stable id (by process managers and handlers): a redelivered
 * command is answered with its first refusal instead of being decided again on a newer state.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('command_refusals')
    .addColumn('command_id', 'text', (c) => c.primaryKey())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('refused_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('command_refusals').ifExists().execute();
}
