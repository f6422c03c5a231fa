import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** Subscriptions over WebSocket, at the same URL as HTTP with `ws:` (`wss:`) for `http:` (`https:`). */
export function createWsClient(url: string, token: string): Client {
  return createClient({
    url, // ws://localhost:4000/graphql
    webSocketImpl: WebSocket, // Node 20 needs `ws`; browsers and Node 22+ have a global WebSocket
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0, // the client would resubscribe with the `after` it began with: resume yourself (below)
  });
}
