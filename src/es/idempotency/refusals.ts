import type { Kysely } from 'kysely';
import { DomainError, refusalDetails } from '../domain-error.js';
import type { EventStoreTables } from '../event-store-tables.js';

/** Records that a command id was refused (code, message and its class's data); the first record stays. */
export async function recordRefusal(
  db: Kysely<EventStoreTables>,
  commandId: string,
  streamId: string,
  refusal: DomainError,
): Promise<void> {
  const details = refusalDetails(refusal);
  await db
    .insertInto('command_refusals')
    .values({
      command_id: commandId,
      stream_id: streamId,
      code: refusal.code,
      message: refusal.message,
      details: details ? JSON.stringify(details) : null,
    })
    .onConflict((conflict) => conflict.column('command_id').doNothing())
    .execute();
}

/**
 * The refusal recorded for a command id: a plain `DomainError` with the recorded code, message
 * and details (as own properties); its class is not stored, a caller that knows the classes
 * may restore it by code.
 */
export async function findRefusal(db: Kysely<EventStoreTables>, commandId: string): Promise<DomainError | undefined> {
  const row = await db
    .selectFrom('command_refusals')
    .select(['code', 'message', 'details'])
    .where('command_id', '=', commandId)
    .executeTakeFirst();
  return row ? Object.assign(new DomainError(row.code, row.message), row.details ?? {}) : undefined;
}
