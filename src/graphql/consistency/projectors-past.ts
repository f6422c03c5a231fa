import { GraphQLError } from 'graphql';
import { primaryWalLocation, type WalLocation } from '../../db/read-replicas.js';
import type { Chronicle } from '../../server/chronicle.js';
import { positionCursor } from '../position-cursor.js';
import type { WalMarks } from './wal-marks.js';

/**
 * Waits until every projector has processed `position` as the primary has it (a projector's
 * checkpoint commits with its writes), bounded like a strong command's wait; with `marks` (there
 * are replicas), then answers the primary's WAL location, which is past those commits, and
 * remembers it. Undefined when a projector did not catch up in time: only the primary has it all.
 */
export async function projectorsPast(app: Chronicle, position: number, marks: WalMarks | undefined): Promise<WalLocation | undefined> {
  await refuseBeyondHead(app, position);
  await app.runtimes.waitFor(position);
  if (!marks) return undefined;
  const reached = app.runtimes.projectedThrough();
  const location = await primaryWalLocation(app.database.db);
  if (reached < position) return undefined;
  marks.record(reached, location);
  return location;
}

/** A position never handed out would hold the query for the whole wait and then answer anyway: a client error. */
async function refuseBeyondHead(app: Chronicle, position: number): Promise<void> {
  if (position <= app.feed.position) return;
  const head = await app.store.head();
  if (position <= head) return;
  throw new GraphQLError(`Chronicle-Min-Position is ${position}, beyond the head of the log (position ${head})`, {
    extensions: { code: 'BAD_USER_INPUT', head: positionCursor(head) },
  });
}
