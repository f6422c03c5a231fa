import { LRUCache } from 'lru-cache';
import type { Aggregate, Command, DomainEvent } from './aggregate.js';
import { claimedOwner } from './access/ownership.js';
import { streamOwners } from './access/stream-owners.js';
import type { EventStore } from './event-store.js';

export interface LoadedAggregate<State> {
  state: State;
  version: number;
  /** Who claimed the stream (see `Ownership`): a subject, null without an actor, undefined while unclaimed. */
  owner?: string | null | undefined;
}

const PAGE = 1_000;

/**
 * Loads aggregate state: the cached state when this process has it, otherwise the latest
 * compatible snapshot plus the events after it. Keeps a bounded cache so a hot aggregate
 * does not re-read its stream, and writes snapshots as streams cross their interval.
 */
export class AggregateRepository {
  private readonly cache: LRUCache<string, LoadedAggregate<unknown>>;

  constructor(
    private readonly store: EventStore,
    { cacheSize = 10_000 }: { cacheSize?: number } = {},
  ) {
    this.cache = new LRUCache({ max: Math.max(1, cacheSize) });
  }

  async load<S, C extends Command, E extends DomainEvent>(aggregate: Aggregate<S, C, E>, streamId: string): Promise<LoadedAggregate<S>> {
    const cached = this.cache.get(streamId) as LoadedAggregate<S> | undefined;
    if (cached) return cached;
    const snapshot = await this.fromSnapshot(aggregate, streamId);
    let { state, version, owner } = snapshot;
    for (;;) {
      const events = await this.store.readStream(streamId, { fromVersion: version + 1, limit: PAGE });
      // An event linked in from another stream claims nothing here.
      owner = claimedOwner(
        aggregate.ownership,
        owner,
        events.filter((event) => !event.linkedFrom),
      );
      for (const event of events) state = aggregate.apply(state, { type: event.type, data: event.data } as E);
      if (events.length > 0) version = events.at(-1)!.version;
      if (events.length < PAGE) break;
    }
    const loaded = { state, version, owner };
    this.cache.set(streamId, loaded);
    // A long tail since the last snapshot (a stream written without snapshots, or a new schema
    // version) is replayed once, then snapshotted, so the next cold load is short again.
    const settings = aggregate.snapshot;
    if (settings && version - snapshot.version >= settings.every) await this.snapshot(aggregate, streamId, loaded);
    return loaded;
  }

  async saved<S>(aggregate: Aggregate<S, any, any>, streamId: string, before: number, after: LoadedAggregate<S>): Promise<void> {
    this.cache.set(streamId, after);
    const settings = aggregate.snapshot;
    if (!settings || Math.floor(after.version / settings.every) === Math.floor(before / settings.every)) return;
    await this.snapshot(aggregate, streamId, after);
  }

  private async snapshot<S>(aggregate: Aggregate<S, any, any>, streamId: string, loaded: LoadedAggregate<S>): Promise<void> {
    const settings = aggregate.snapshot!;
    await this.store.saveSnapshot(
      {
        streamId,
        version: loaded.version,
        schemaVersion: settings.schemaVersion,
        state: settings.toJSON ? settings.toJSON(loaded.state) : loaded.state,
      },
      settings.personalData,
    );
  }

  forget(streamId: string): void {
    this.cache.delete(streamId);
  }

  clear(): void {
    this.cache.clear();
  }

  private async fromSnapshot<S>(aggregate: Aggregate<S, any, any>, streamId: string): Promise<LoadedAggregate<S>> {
    const settings = aggregate.snapshot;
    const initial = { state: aggregate.initialState, version: 0, owner: undefined };
    if (!settings) return initial;
    const snapshot = await this.store.loadSnapshot(streamId);
    if (!snapshot || snapshot.schemaVersion !== settings.schemaVersion) return initial;
    const state = settings.fromJSON ? settings.fromJSON(snapshot.state) : (snapshot.state as S);
    // The claim may lie before the snapshot: the log says who made it.
    const owner = aggregate.ownership ? await streamOwners(this.store).ownerOf(aggregate, streamId) : undefined;
    return { state, version: snapshot.version, owner };
  }
}
