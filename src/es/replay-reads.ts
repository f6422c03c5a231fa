import type { EventStore, ReadAllOptions } from './event-store.js';
import type { RecordedEvent } from './recorded-event.js';

/** One read of a subscription's replay: events after `after`, up to `upTo` (a position known committed), at most `limit`. */
export type ReplayQuery = Pick<ReadAllOptions, 'streamId' | 'types'> & { after: number; upTo: number; limit: number };

export interface ReplayRead {
  events: RecordedEvent[];
  /** The position read up to: past the last event when a filter skipped some, never past `upTo`. */
  through: number;
}

/**
 * Where a subscription reads the log from the store while it replays (its reads paid from a
 * `ReplayBudget`): the primary by default, or a streaming replica (the app's `ReplicaReplays`).
 * Whoever answers must answer every position up to `through` exactly as the primary holds it;
 * the next read, and at last the feed's live events, go on from `through`, so a replay hands over
 * by position and can neither skip nor repeat one.
 */
export interface ReplayReads {
  read(query: ReplayQuery): Promise<ReplayRead>;
}

/** A replay read answered by `store` (through `rows`, a copy of its log, when given). */
export async function readForReplay(
  store: EventStore,
  query: ReplayQuery,
  rows?: Parameters<EventStore['readAll']>[1],
): Promise<ReplayRead> {
  const events = await store.readAll(query, rows);
  return { events, through: events.length < query.limit ? query.upTo : events.at(-1)!.position };
}

/** Every replay read from the store itself: the primary. */
export function storeReplayReads(store: EventStore): ReplayReads {
  return { read: (query) => readForReplay(store, query) };
}
