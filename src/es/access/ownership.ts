import type { EventMetadata } from '../recorded-event.js';

/**
 * How an aggregate is owned: the actor who appends its first claiming event owns it for good
 * (whoever opens an account, first mines into a coin account, creates an order). The claim is a
 * fact in the stream itself, so it commits with the event that makes it and is decided under the
 * same per-stream serialisation as every command.
 */
export interface Ownership<EventType extends string = string> {
  claimedBy: readonly EventType[];
}

/** The owner after `events`: `owner` when already known, else the actor of the first claiming event among them. */
export function claimedOwner(
  ownership: Ownership | undefined,
  owner: string | null | undefined,
  events: ReadonlyArray<{ type: string; metadata?: EventMetadata | undefined }>,
): string | null | undefined {
  if (owner !== undefined || !ownership) return owner;
  const claim = events.find((event) => ownership.claimedBy.includes(event.type));
  return claim ? (claim.metadata?.actor ?? null) : undefined;
}
