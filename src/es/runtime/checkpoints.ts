import { type Kysely, type RawBuilder, sql } from 'kysely';
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

/** What `chronicle_checkpoint_fence` raises (migration 0010). */
const CHECKPOINT_MOVED_SQLSTATE = 'CH001';

/**
 * Runs `writes` (common table expressions: `moves as (...), accounts as (update ...)`) and moves
 * a checkpoint from `expected` to `position` in one autocommit statement: one round trip instead
 * of a transaction's four. The compare-and-set locks the checkpoint row as `advanceCheckpoint`
 * does; if it finds the checkpoint moved, the fence at the end fails the statement and every
 * write of it with `CheckpointMovedError`. Only for a checkpoint row that exists (`expected` > 0).
 */
export async function advanceCheckpointWith(
  db: Kysely<EventStoreTables>,
  name: string,
  expected: number,
  position: number,
  writes: RawBuilder<unknown>,
): Promise<void> {
  try {
    await sql`
      with chronicle_checkpoint as (
        update checkpoints set position = ${position}, updated_at = now()
        where name = ${name} and position = ${expected}
        returning position
      ),
      ${writes}
      select chronicle_checkpoint_fence(exists (select 1 from chronicle_checkpoint))
    `.execute(db);
  } catch (error) {
    if ((error as { code?: unknown }).code === CHECKPOINT_MOVED_SQLSTATE) throw new CheckpointMovedError(name, expected);
    throw error;
  }
}

/**
 * The position a retired projection version's checkpoint is set to when another version switches
 * in: past any real position, so a runtime still writing that version fails its next
 * compare-and-set, and on reloading finds nothing it could process (even a runtime that predates versions).
 */
export const RETIRED_CHECKPOINT = Number.MAX_SAFE_INTEGER;

/** Moves `name` to `RETIRED_CHECKPOINT`: any runtime still writing it fails its next compare-and-set. */
export async function retireCheckpoint(trx: Kysely<any>, name: string): Promise<void> {
  await sql`
    insert into checkpoints (name, position) values (${name}, ${RETIRED_CHECKPOINT})
    on conflict (name) do update set position = excluded.position, updated_at = now()
  `.execute(trx);
}
