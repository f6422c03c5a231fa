import type { AggregateRepository } from '../aggregate-repository.js';
import type { EventFeed } from '../event-feed.js';
import type { EventStore } from '../event-store.js';
import type { EventMetadata } from '../recorded-event.js';
import { erasureStreamId, PERSONAL_DATA_ERASED, type PersonalDataErasedEvent } from './personal-data-declaration.js';

export interface Erasure {
  subject: string;
  /** The position of the `PersonalDataErased` event: projections have scrubbed their tables once they are past it. */
  position: number;
  streams: string[];
}

/**
 * Erases a subject's personal data: deletes its data key (from then on every read answers its
 * sealed values as `ERASED`), then appends `PersonalDataErased` to `personal-data-<subject>` so
 * the projectors blank the plain copies in their tables and every instance forgets cached states.
 * The log itself is not touched. Erasing again is harmless: it appends another fact.
 */
export async function erasePersonalData(
  { store, repository }: { store: EventStore; repository: AggregateRepository },
  subject: string,
  metadata: EventMetadata = {},
): Promise<Erasure> {
  const streams = await store.personalData.erase(subject);
  repository.clear();
  const event: PersonalDataErasedEvent = { type: PERSONAL_DATA_ERASED, data: { subject, streams } };
  const result = await store.append(erasureStreamId(subject), [event], 'any', metadata);
  return { subject, position: result.positions[0]!, streams };
}

/** Forgets every cached aggregate state when the feed reads an erasure, whichever instance erased. */
export function forgetStatesOnErasure(feed: EventFeed, repository: AggregateRepository): () => void {
  return feed.tap((events) => {
    if (events.some((event) => event.type === PERSONAL_DATA_ERASED)) repository.clear();
  });
}
