import { type Kysely, sql } from 'kysely';
import type { EventStoreTables } from '../event-store-tables.js';

export async function loadCheckpoint(db: Kysely<EventStoreTables>, name: string): Promise<number> {
  const row = await db.selectFrom('checkpoints').select('position').where('name', '=', name).executeTakeFirst();
  return row?.position ?? 0;
}

/** Records how far a runtime got; inside the runtime's own transaction where its writes are. */
export async function saveCheckpoint(db: Kysely<EventStoreTables>, name: string, position: number): Promise<void> {
  await db
    .insertInto('checkpoints')
    .values({ name, position })
    .onConflict((conflict) => conflict.column('name').doUpdateSet({ position, updated_at: sql`now()` }))
    .execute();
}
