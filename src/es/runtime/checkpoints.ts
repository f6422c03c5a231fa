import { type Kysely, sql } from 'kysely';
import type { EventStoreTables } from '../event-store-tables.js';

export async function loadCheckpoint(db: Kysely<EventStoreTables>, name: string): Promise<number> {
  const row = await db.selectFrom('checkpoints').select('position').where('name', '=', name).executeTakeFirst();
  return row?.position ?? 0;
}

/**
 * The stored checkpoint was not where this runtime left it: another instance processed (or a
 * rebuild reset) the same events meanwhile. The transaction must roll back, and the runtime
 * continue from the stored checkpoint.
 */
export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';
  constructor(
    readonly runtime: string,
    readonly expected: number,
  ) {
    super(`The checkpoint of "${runtime}" is no longer at ${expected}: another instance moved it`);
  }
}

/**
 * Moves a runtime's checkpoint from `expected` to `position`: a compare-and-set, inside the
 * runtime's own transaction where its writes are. Run first in that transaction, it also locks
 * the checkpoint row, so two instances that briefly both believe they lead cannot both commit
 * the same batch: the second waits for the first, then finds the checkpoint moved and rolls back.
 */
export async function advanceCheckpoint(db: Kysely<EventStoreTables>, name: string, expected: number, position: number): Promise<void> {
  const moved =
    expected === 0
      ? // A runtime starting from nothing has no row yet: create it, or move it if it is still at 0.
        await db
          .insertInto('checkpoints')
          .values({ name, position })
          .onConflict((conflict) =>
            conflict.column('name').doUpdateSet({ position, updated_at: sql`now()` }).where('checkpoints.position', '=', 0),
          )
          .returning('position')
          .executeTakeFirst()
      : await db
          .updateTable('checkpoints')
          .set({ position, updated_at: sql`now()` })
          .where('name', '=', name)
          .where('position', '=', expected)
          .returning('position')
          .executeTakeFirst();
  if (!moved) throw new CheckpointMovedError(name, expected);
}

/** Sets the checkpoint whatever it was (a rebuild's reset), taking the row lock first. */
export async function resetCheckpoint(db: Kysely<EventStoreTables>, name: string, position: number): Promise<void> {
  await db
    .insertInto('checkpoints')
    .values({ name, position })
    .onConflict((conflict) => conflict.column('name').doUpdateSet({ position, updated_at: sql`now()` }))
    .execute();
}
