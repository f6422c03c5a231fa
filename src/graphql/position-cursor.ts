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
