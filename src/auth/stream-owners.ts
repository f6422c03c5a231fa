import { LRUCache } from 'lru-cache';
import type { EventStore } from '../es/event-store.js';

const owners = new WeakMap<EventStore, StreamOwners>();

/**
 * Who owns a stream: the actor who appended its first event (whoever opened the account owns it).
 * The first event never changes, so a known owner is cached for good; a stream that does not
 * exist yet is asked again next time.
 */
export class StreamOwners {
  private readonly known = new LRUCache<string, { owner: string | null }>({ max: 50_000 });

  constructor(private readonly store: EventStore) {}

  /** The subject who created `streamId`; null when it was created without an actor; undefined when it does not exist. */
  async ownerOf(streamId: string): Promise<string | null | undefined> {
    const cached = this.known.get(streamId);
    if (cached) return cached.owner;
    const [first] = await this.store.readStream(streamId, { fromVersion: 1, limit: 1 });
    if (!first) return undefined;
    const owner = first.metadata.actor ?? null;
    this.known.set(streamId, { owner });
    return owner;
  }
}

/** The one owner lookup (and cache) of a store, shared by the router middleware and the GraphQL layer. */
export function streamOwners(store: EventStore): StreamOwners {
  let found = owners.get(store);
  if (!found) {
    found = new StreamOwners(store);
    owners.set(store, found);
  }
  return found;
}
