import { GraphQLError } from 'graphql';
import type { Authenticator } from '../auth/authenticator.js';
import { IDENTITY_PROVIDER_RETRY_AFTER_SECONDS, IdentityProviderUnavailable } from '../auth/identity-provider-unavailable.js';
import { type Actor, DomainError } from '../es/index.js';

/**
 * The actor of an HTTP request's Authorization header; a refused token fails the whole request
 * with 401, an identity provider that cannot be reached with 503 (to retry: the token may be good).
 */
export async function requestActor(authenticator: Authenticator, request: Request): Promise<Actor | undefined> {
  try {
    return await authenticator.authenticate(request.headers.get('authorization'));
  } catch (error) {
    if (error instanceof IdentityProviderUnavailable) {
      // Masked (and logged) like any error; the original rides along for the log.
      throw new GraphQLError(error.message, {
        originalError: error,
        extensions: {
          code: error.code,
          retryable: true,
          http: { status: 503, headers: { 'retry-after': String(IDENTITY_PROVIDER_RETRY_AFTER_SECONDS) } },
        },
      });
    }
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, {
      extensions: {
        code: error.code,
        http: { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
      },
    });
  }
}
