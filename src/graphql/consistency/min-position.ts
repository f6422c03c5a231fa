import { GraphQLError } from 'graphql';

/** The request header carrying the position a query must see at least: a mutation's `Chronicle-Position`. */
export const MIN_POSITION_HEADER = 'chronicle-min-position';
export const INVALID_MIN_POSITION = 'INVALID_MIN_POSITION';

/**
 * A minimum position as a client sends it (the `Chronicle-Min-Position` header, or
 * `extensions.minPosition` of a graphql-ws operation): undefined when it sent none. Anything but a
 * position (a non-negative decimal integer) fails the whole request (HTTP 400), rather than answer
 * from data older than the client asked for.
 */
export function parseMinPosition(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value.trim() : String(value);
  const position = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(position)) return position;
  throw new GraphQLError('A minimum position is a position (a non-negative integer, as Chronicle-Position gives it); nothing was run', {
    extensions: { code: INVALID_MIN_POSITION, http: { status: 400 } },
  });
}

/** The `Chronicle-Min-Position` header of an HTTP request. */
export function requestMinPosition(request: Request): number | undefined {
  return parseMinPosition(request.headers.get(MIN_POSITION_HEADER));
}
