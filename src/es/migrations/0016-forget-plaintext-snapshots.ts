import type { Kysely } from 'kysely';

/**
 * Snapshots taken before personal fields were encrypted may hold them in plain text. Snapshots are
 * a cache (docs/event-store.md), so they all go; the next loads replay and take sealed ones.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('snapshots').execute();
}

export async function down(): Promise<void> {}
