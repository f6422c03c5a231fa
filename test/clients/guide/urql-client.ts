import { Client, fetchExchange } from '@urql/core';

/** urql as it comes: queries go as GET (`preferGetMethod: 'within-url-limit'`), mutations as POST. */
export function createUrqlClient(url: string, token?: string): Client {
  // A request with a token needs nothing more. Without one (public reads), a GET must carry a CSRF
  // header, which a browser sends cross-site only after a CORS preflight.
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : { 'graphql-require-preflight': '1' };
  return new Client({ url, exchanges: [fetchExchange], fetchOptions: { headers } });
}
