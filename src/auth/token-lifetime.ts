import type { JWTPayload } from 'jose';
import type { AuthConfig } from './auth-config.js';
import { Unauthenticated } from './auth-errors.js';

/**
 * Refuses a token that would stay valid for too long: one without `exp` when expiry is required
 * (production), and one valid for more than `maxTokenLifetimeSeconds` from when it was issued.
 * Refused rather than capped, so `exp` stays the one expiry every part of the server reads
 * (a socket ends its operations at it).
 */
export function checkTokenLifetime(payload: JWTPayload, config: AuthConfig, nowMs: number): void {
  if (payload.exp === undefined) {
    if (config.requireExpiry) throw new Unauthenticated('it has no expiry ("exp"), which this server requires');
    return;
  }
  const max = config.maxTokenLifetimeSeconds;
  if (max === undefined) return;
  // An `iat` in the future buys nothing: the lifetime counts from now at the latest.
  const issued = Math.min(payload.iat ?? Number.POSITIVE_INFINITY, nowMs / 1_000);
  if (payload.exp - issued > max) throw new Unauthenticated(`it is valid for longer than the ${max} s this server accepts`);
}
