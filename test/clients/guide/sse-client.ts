import { createClient, type Client } from 'graphql-sse';

/**
 * Subscriptions over server-sent events: a POST to the GraphQL endpoint itself, one HTTP response
 * per subscription ("distinct connections mode", graphql-sse's default). The single connection mode
 * (`singleConnection: true`, its own reservation endpoint) is not served.
 */
export function createSseClient(url: string, token: string): Client {
  return createClient({
    url, // http://localhost:4000/graphql
    headers: { authorization: `Bearer ${token}` },
  });
}
