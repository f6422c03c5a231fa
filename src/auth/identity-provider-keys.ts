import { createRemoteJWKSet, customFetch, type FetchImplementation, type JWTVerifyGetKey } from 'jose';
import { IdentityProviderUnavailable } from './identity-provider-unavailable.js';

/**
 * The keys of an identity provider's JWKS URL (fetched when needed and cached by jose). Failing
 * to fetch them (refused, timed out, not 200, cut off or not JSON) raises
 * `IdentityProviderUnavailable` where it happens: the token itself was never looked at.
 */
export function identityProviderKeys(url: URL): JWTVerifyGetKey {
  return createRemoteJWKSet(url, { [customFetch]: fetchKeys });
}

const fetchKeys: FetchImplementation = async (url, options) => {
  try {
    const response = await fetch(url, options);
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`GET ${url} answered ${response.status}`);
    }
    // Read here, so a body cut off midway or one that is not JSON counts as the provider's failure too.
    const body = await response.text();
    JSON.parse(body);
    return new Response(body, { status: 200, headers: response.headers });
  } catch (error) {
    throw new IdentityProviderUnavailable({ cause: error });
  }
};
