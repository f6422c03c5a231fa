import { sql } from 'kysely';
import type { WalLocation } from '../../db/read-replicas.js';
import type { Chronicle } from '../../server/chronicle.js';
import { projectorsPast } from './projectors-past.js';
import type { WalMarks } from './wal-marks.js';

/** Where an actor's own writes are: its last event's position, and a WAL location past their projection. */
export interface OwnWrites {
  position: number;
  /** A replica that has replayed this far shows them; undefined when only the primary is sure to (a projector behind). */
  location: WalLocation | undefined;
}

/**
 * What a plain query of `subject` must read at least when replicas answer queries: its last
 * write, made through any instance; undefined when it never wrote. One statement on the primary
 * (the `events_actor_idx` scan of migration 0022 and the WAL insert location) when this instance
 * already knew every projector past that write before asking; otherwise it waits for them as a
 * query carrying the position would (`projectorsPast`).
 */
export async function ownWrites(app: Chronicle, marks: WalMarks, subject: string): Promise<OwnWrites | undefined> {
  // Read before the statement: every projector commit up to here precedes the location it reads.
  const projected = app.runtimes.projectedThrough();
  const { rows } = await sql<{ position: string | number | null; location: WalLocation }>`
    select (select max(position) from events where actor = ${subject}) as position, pg_current_wal_insert_lsn()::text as location
  `.execute(app.database.db);
  const { position: last, location } = rows[0]!;
  if (last === null) return undefined;
  const position = Number(last);
  const remembered = marks.covering(position);
  if (projected < position) return { position, location: remembered ?? (await projectorsPast(app, position, marks)) };
  marks.record(projected, location);
  return { position, location: remembered ?? location };
}
