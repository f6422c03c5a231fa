import type { Aggregate, DomainEvent } from '../aggregate.js';
import type { EventStore } from '../event-store.js';
import { type AsOf, assertAsOf, VersionBeyondHeadError } from './as-of.js';

/** An aggregate's state after its stream's `version`th event, which was `position` in the log and occurred at `occurredAt`. */
export interface PastState<State> {
  state: State;
  version: number;
  position: number;
  occurredAt: Date;
}

const PAGE = 1_000;

/**
 * Folds a stream up to a point in its past: from the newest snapshot at or before it (of the
 * aggregate's schema version) when there is one, else from the start. Undefined when the stream
 * had no event at that point (a time before its first event, or version 0); a version beyond the
 * stream's head throws `VersionBeyondHeadError`.
 *
 * It goes around the repository on purpose: a past state never enters the present-state cache,
 * and no snapshot is ever written from one.
 */
export async function loadAggregateAsOf<S, E extends DomainEvent>(
  store: EventStore,
  aggregate: Aggregate<S, any, E>,
  streamId: string,
  asOf: AsOf,
): Promise<PastState<S> | undefined> {
  assertAsOf(asOf);
  const target = 'version' in asOf ? asOf.version : await store.streamVersionAt(streamId, asOf.at);
  if (target === 0) return undefined;

  let { state, version } = await fromSnapshot(store, aggregate, streamId, target);
  // The event at the snapshot's version is read again (not applied) for its position and time.
  let from = Math.max(1, version);
  let last: { position: number; occurredAt: Date } | undefined;
  while (from <= target) {
    const events = await store.readStream(streamId, { fromVersion: from, limit: Math.min(PAGE, target - from + 1) });
    for (const event of events) {
      if (event.version > version) state = aggregate.apply(state, { type: event.type, data: event.data } as E);
      version = event.version;
      last = { position: event.position, occurredAt: event.occurredAt };
    }
    if (events.length === 0) break;
    from = version + 1;
  }
  if (version < target || !last) throw new VersionBeyondHeadError(streamId, target, version);
  return { state, version, ...last };
}

async function fromSnapshot<S>(store: EventStore, aggregate: Aggregate<S, any, any>, streamId: string, target: number) {
  const settings = aggregate.snapshot;
  const snapshot = settings && (await store.loadSnapshotAtOrBefore(streamId, settings.schemaVersion, target));
  if (!snapshot) return { state: aggregate.initialState, version: 0 };
  return { state: settings.fromJSON ? settings.fromJSON(snapshot.state) : (snapshot.state as S), version: snapshot.version };
}
