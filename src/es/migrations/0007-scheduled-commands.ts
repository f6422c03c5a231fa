import { type Kysely, sql } from 'kysely';

/**
 * The durable table of scheduled commands (the `CommandScheduler` and its projector). Databases
 * migrated before the slices brought their own migrations created it in `0007-challenges`: hence
 * `if not exists`, which makes this a no-op there. Its name sorts right after `0007-challenges`,
 * so a fresh database runs the same statements in the same order as before the split.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scheduled_commands')
    .ifNotExists()
    .addColumn('schedule_id', 'text', (c) => c.primaryKey())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('command', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('scheduled_commands_pending_idx')
    .ifNotExists()
    .on('scheduled_commands')
    .column('due_at')
    .where(sql.ref('status'), '=', 'PENDING')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scheduled_commands').ifExists().execute();
}
