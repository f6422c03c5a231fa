import { GraphQLError } from 'graphql';

/** The request header carrying the position a query must see at least: a mutation's `Chronicle-Position`. */
export const MIN_POSITION_HEADER = 'chronicle-min-position';
export const INVALID_MIN_POSITION = 'INVALID_MIN_POSITION';

/**
 * The `Chronicle-Min-Position` of an HTTP request: undefined when it sent none. Anything but a
 * position (a non-negative decimal integer) fails the whole request with HTTP 400, rather than
 * answer from data older than the client asked for.
 */
export function requestMinPosition(request: Request): number | undefined {
  const value = request.headers.get(MIN_POSITION_HEADER);
  if (value === null) return undefined;
  const position = /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (Number.isSafeInteger(position)) return position;
  throw new GraphQLError(`${MIN_POSITION_HEADER} is a position (a non-negative integer, as Chronicle-Position gives it); nothing was run`, {
    extensions: { code: INVALID_MIN_POSITION, http: { status: 400 } },
  });
}
