import { LRUCache } from 'lru-cache';
import type { EventStore } from '../event-store.js';
import type { Ownership } from './ownership.js';

const owners = new WeakMap<EventStore, StreamOwners>();

/**
 * Who owns a stream, looked up in the log: the actor of its first claiming event. Once claimed a
 * stream's owner never changes, so a known owner is cached for good; a stream nobody has claimed
 * yet is asked again next time. The router decides commands against the owner it folds under the
 * stream's lock; this lookup serves reads, subscriptions and rules about another aggregate.
 */
export class StreamOwners {
  private readonly known = new LRUCache<string, { owner: string | null }>({ max: 50_000 });

  constructor(private readonly store: EventStore) {}

  /** The subject that claimed `streamId`; null when it was claimed without an actor; undefined while unclaimed. */
  async ownerOf(aggregate: { ownership?: Ownership | undefined }, streamId: string): Promise<string | null | undefined> {
    const cached = this.known.get(streamId);
    if (cached) return cached.owner;
    const claimedBy = aggregate.ownership?.claimedBy;
    if (!claimedBy) return undefined;
    const [claim] = await this.store.readAll({ streamId, types: [...claimedBy], limit: 1 });
    if (!claim) return undefined;
    const owner = claim.metadata.actor ?? null;
    this.known.set(streamId, { owner });
    return owner;
  }
}

/** The one owner lookup (and cache) of a store, shared by the router and the GraphQL layer. */
export function streamOwners(store: EventStore): StreamOwners {
  let found = owners.get(store);
  if (!found) {
    found = new StreamOwners(store);
    owners.set(store, found);
  }
  return found;
}
