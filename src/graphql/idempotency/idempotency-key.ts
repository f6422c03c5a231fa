import { GraphQLError } from 'graphql';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const INVALID_IDEMPOTENCY_KEY = 'INVALID_IDEMPOTENCY_KEY';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** A UUID fits, and so does any token of letters, digits and `- _ . : ~ + / =` (base64, ULIDs, prefixed ids). */
const ACCEPTABLE = new RegExp(`^[A-Za-z0-9\\-_.:~+/=]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`);

/**
 * A client's idempotency key (the `Idempotency-Key` header, or `extensions.idempotencyKey` of a
 * graphql-ws operation): undefined when none was sent; anything but a well-formed key fails the
 * whole request (HTTP 400) rather than run its mutations without the protection the client asked for.
 */
export function parseIdempotencyKey(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && ACCEPTABLE.test(value)) return value;
  throw new GraphQLError(
    `An idempotency key is 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} letters, digits or any of - _ . : ~ + / = (a UUID, say); nothing was run`,
    { extensions: { code: INVALID_IDEMPOTENCY_KEY, http: { status: 400 } } },
  );
}

/** The `Idempotency-Key` header of an HTTP request. */
export function requestIdempotencyKey(request: Request): string | undefined {
  return parseIdempotencyKey(request.headers.get(IDEMPOTENCY_KEY_HEADER));
}
