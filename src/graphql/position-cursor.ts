import { GraphQLError } from 'graphql';

/** Global positions travel as decimal strings: opaque to clients, exact beyond 2^31. */
export function positionCursor(position: number): string {
  return String(position);
}

/** Reads a position cursor; anything but a non-negative integer is a client error, not a crash. */
export function parsePositionCursor(cursor: string, argument = 'after'): number {
  const position = /^\d{1,15}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isSafeInteger(position)) {
    throw new GraphQLError(`"${argument}" must be a position cursor (a non-negative integer as a string)`, {
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  }
  return position;
}

/**
 * The most items one page of any connection (or any other `first` / `last` argument) returns: a
 * larger `first` is refused with PAGE_TOO_LARGE (see server/abuse-limits.ts), never cut short in
 * silence. It is Pothos's own maximum for its connections, and small enough that a page of the
 * documented selections stays within the default cost limit.
 */
export const MAX_PAGE_SIZE = 100;
