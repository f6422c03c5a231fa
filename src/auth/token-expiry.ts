import { decodeJwt } from 'jose';

/**
 * When the bearer token in an `Authorization` value expires, in ms since the epoch; undefined for
 * no token or one without `exp`. The token is decoded, not verified: ask only about a value the
 * authenticator has accepted, which is "Bearer <token>".
 */
export function tokenExpiry(authorization: unknown): number | undefined {
  const token = typeof authorization === 'string' ? /^Bearer +(\S+)/i.exec(authorization)?.[1] : undefined;
  if (!token) return undefined;
  const { exp } = decodeJwt(token);
  return exp === undefined ? undefined : exp * 1_000;
}
