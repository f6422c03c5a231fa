import type { Kysely } from 'kysely';

/**
 * What a refusal carries besides its code and message (the blocked products of an order, the
 * fields of a validation error), so a command sent again with its id is refused with the same data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('command_refusals').addColumn('details', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('command_refusals').dropColumn('details').execute();
}
