/**
 * The keys to verify a token with could not be fetched (the JWKS URL refused, timed out or did
 * not answer 200): nothing is wrong with the token, and the same request can succeed once the
 * identity provider is back. Not a refusal, so never a 401.
 */
export class IdentityProviderUnavailable extends Error {
  static readonly code = 'IDENTITY_PROVIDER_UNAVAILABLE';
  override readonly name = 'IdentityProviderUnavailable';
  readonly code = IdentityProviderUnavailable.code;

  constructor(options?: ErrorOptions) {
    super('The identity provider is unavailable; try again shortly.', options);
  }
}

/** How long a client is asked to wait (HTTP `Retry-After`) before it tries again. */
export const IDENTITY_PROVIDER_RETRY_AFTER_SECONDS = 5;
