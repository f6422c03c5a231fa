import { sql } from 'kysely';
import { type EventStore, type EventStoreTables, type ReplayQuery, type ReplayRead, type ReplayReads, readForReplay } from '../es/index.js';
import { type Database, tables } from './database.js';
import type { ReadReplicas } from './read-replicas.js';

/** Which database answered a replay read. */
export type ReplayReader = 'replica' | 'primary';

/**
 * A subscription's replay reads the log from a streaming replica as far as that replica has
 * replayed it, and from the primary past that.
 *
 * How far is the replica's own `event_store_head`: every append updates it in the transaction
 * that inserts its events, under a lock that makes appends commit in position order, and a hot
 * standby shows a transaction exactly once it has replayed its commit record, in WAL order. So
 * a replica whose head reads `h` shows every position up to `h` as the primary does, and can only
 * show more later. A read is bounded by that head (and by the feed's, `upTo`), and the next read
 * goes on from where it stopped: the replay hands over from replica to primary, and at last to
 * the live feed, by position, whatever the replica's lag. Personal values are opened with the
 * primary's keys (`EventStore.readAll`), so an erasure a lagging replica has not replayed counts.
 */
export class ReplicaReplays implements ReplayReads {
  constructor(
    private readonly replicas: ReadReplicas,
    private readonly store: EventStore,
    private readonly answered: (by: ReplayReader) => void = () => {},
  ) {}

  async read(query: ReplayQuery): Promise<ReplayRead> {
    for (const replica of this.replicas.answering()) {
      try {
        const head = await replicaHead(replica);
        // Not past the cursor yet: it has nothing this read needs.
        if (head <= query.after) continue;
        const read = await readForReplay(this.store, { ...query, upTo: Math.min(head, query.upTo) }, tables<EventStoreTables>(replica));
        this.answered('replica');
        return read;
      } catch {
        // Gone or failing: the next replica, or the primary, answers this read instead.
        this.replicas.failed(replica);
      }
    }
    const read = await readForReplay(this.store, query);
    this.answered('primary');
    return read;
  }
}

/** The last position a replica shows: it shows every position up to it. */
async function replicaHead(replica: Database): Promise<number> {
  const { rows } = await sql<{ position: string | number }>`select position from event_store_head where id = 1`.execute(replica.db);
  return Number(rows[0]!.position);
}
