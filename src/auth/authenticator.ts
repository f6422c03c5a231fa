import { errors, type JWTPayload, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { type Actor, RESERVED_ROLES, SYSTEM_SUBJECT_PREFIX } from '../es/index.js';
import type { AuthConfig } from './auth-config.js';
import { Unauthenticated } from './auth-errors.js';
import { identityProviderKeys } from './identity-provider-keys.js';
import { checkTokenLifetime } from './token-lifetime.js';

export interface Authenticator {
  /**
   * The actor an `Authorization` value (HTTP header or graphql-ws connection param) proves.
   * No value: the default actor (anonymous unless one is configured, as tests do). A value that
   * is not a valid bearer token throws `Unauthenticated`: a broken token is an error, not anonymity.
   * Keys that cannot be fetched throw `IdentityProviderUnavailable`: the token may well be good.
   */
  authenticate(authorization: unknown): Promise<Actor | undefined>;
}

export interface AuthenticatorOptions {
  /** Who a request without a token is. Tests use it to stay signed in; a server leaves it unset. */
  defaultActor?: Actor | undefined;
  /** The clock that decides whether a remembered token has expired meanwhile. */
  now?: () => number;
}

/**
 * A client sends the same token with every request, and verifying its signature is most of what
 * authentication costs. A verified token is remembered, by its exact text, until it expires and
 * for at most this long, so a key dropped from a JWKS stops being accepted soon after.
 */
const REMEMBER_MS = 60_000;
const REMEMBERED_TOKENS = 1_000;

const BEARER = /^Bearer +([A-Za-z0-9_.~+/=-]+)\s*$/i;

/** Verifies JWTs with jose: HS256 with the shared secret, or the keys of a JWKS URL; issuer and audience when configured. */
export function createAuthenticator(config: AuthConfig, { defaultActor, now = Date.now }: AuthenticatorOptions = {}): Authenticator {
  const key = verificationKey(config);
  const verified = new LRUCache<string, { actor: Actor; until: number }>({ max: REMEMBERED_TOKENS });
  const verifyOptions = {
    ...(config.secret ? { algorithms: ['HS256'] } : {}),
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
    requiredClaims: ['sub'],
  };

  return {
    async authenticate(authorization) {
      if (authorization === undefined || authorization === null || authorization === '') return defaultActor;
      const token = typeof authorization === 'string' ? BEARER.exec(authorization)?.[1] : undefined;
      if (!token) throw new Unauthenticated('The authorization must be "Bearer <token>"');
      if (!key) throw new Unauthenticated('This server has no way to verify tokens');
      const remembered = verified.get(token);
      if (remembered && now() < remembered.until) return remembered.actor;
      try {
        const { payload } = await jwtVerify(token, key as JWTVerifyGetKey, { ...verifyOptions, currentDate: new Date(now()) });
        checkTokenLifetime(payload, config, now());
        const actor = actorOf(payload);
        const expires = payload.exp === undefined ? Number.POSITIVE_INFINITY : payload.exp * 1_000;
        verified.set(token, { actor, until: Math.min(expires, now() + REMEMBER_MS) });
        return actor;
      } catch (error) {
        if (error instanceof errors.JOSEError || error instanceof Unauthenticated) {
          const hint = config.refusedTokenHint ? `. ${config.refusedTokenHint}` : '';
          throw new Unauthenticated(`The bearer token was refused: ${reason(error)}${hint}`);
        }
        throw error;
      }
    },
  };
}

function verificationKey(config: AuthConfig): Uint8Array | JWTVerifyGetKey | undefined {
  if (config.secret) return new TextEncoder().encode(config.secret);
  if (config.jwksUrl) return identityProviderKeys(new URL(config.jwksUrl));
  return undefined;
}

/**
 * The system's own actors and roles are made by the server, never taken from a token. A token
 * claiming one is refused outright rather than stripped of the claim: whoever signed it (a leaked
 * secret, an identity provider with a role named like ours) means to act as the system, and
 * serving it as an ordinary user would hide that.
 */
function actorOf(payload: JWTPayload): Actor {
  const roles = payload.roles;
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new Unauthenticated('the token names no subject');
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((role) => typeof role === 'string'))) {
    throw new Unauthenticated('"roles" must be a list of strings');
  }
  if (payload.sub.startsWith(SYSTEM_SUBJECT_PREFIX)) throw new Unauthenticated(`a "${SYSTEM_SUBJECT_PREFIX}" subject is the server's own`);
  const reserved = (roles ?? []).find((role) => RESERVED_ROLES.has(role));
  if (reserved !== undefined) throw new Unauthenticated(`the role "${reserved}" is the server's own`);
  return { subject: payload.sub, roles: roles ?? [] };
}

function reason(error: Error): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim "${error.claim}" ${error.reason === 'missing' ? 'is missing' : 'is not accepted'}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not match';
  if (error instanceof errors.JOSEError) return error.code;
  return error.message;
}
