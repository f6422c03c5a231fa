import type { Aggregate } from '../aggregate.js';

/** No registered aggregate writes streams of this category (the part of a stream id before `-<identity>`). */
export class UnknownStreamCategoryError extends Error {
  override readonly name = 'UnknownStreamCategoryError';
  constructor(readonly streamId: string) {
    super(`No registered aggregate writes stream "${streamId}"`);
  }
}

/**
 * The aggregate whose streams `streamId` belongs to (`${name}-${identity}`, see `streamIdOf`). The
 * longest name wins, so `coin-account-7` is a coin account's even though `account` is registered too.
 */
export function aggregateOfStream<A extends Pick<Aggregate<unknown>, 'name'>>(aggregates: Iterable<A>, streamId: string): A {
  let found: A | undefined;
  for (const aggregate of aggregates) {
    const prefix = `${aggregate.name}-`;
    const longer = !found || aggregate.name.length > found.name.length;
    if (longer && streamId.length > prefix.length && streamId.startsWith(prefix)) found = aggregate;
  }
  if (!found) throw new UnknownStreamCategoryError(streamId);
  return found;
}
