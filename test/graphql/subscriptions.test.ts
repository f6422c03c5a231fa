import { createClient } from 'graphql-ws';
import { print } from 'graphql';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { sseSubscription } from './helpers/sse.js';

const Tail = graphql(`
  subscription Tail($after: String, $types: [String!], $streamId: String) {
    events(after: $after, types: $types, streamId: $streamId) {
      position
      streamId
      type
      data
    }
  }
`);

describe('subscriptions', () => {
  let t: TestApp;
  let server: TestServer;

  beforeAll(async () => {
    t = await createTestApp({ domains: [] });
    server = await startTestServer(t);
    await t.app.store.append('cart-1', [{ type: 'ItemAdded', data: { sku: 'A' } }]);
    await t.app.store.append('cart-2', [{ type: 'ItemAdded', data: { sku: 'B' } }]);
  });

  afterAll(() => server.close());

  it('run over graphql-ws on the GraphQL path: history after a cursor, then live events', async () => {
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const events = client.iterate({ query: print(Tail), variables: { after: '1' } });
    try {
      expect((await events.next()).value).toEqual({
        data: { events: { position: '2', streamId: 'cart-2', type: 'ItemAdded', data: { sku: 'B' } } },
      });
      await t.app.store.append('cart-1', [{ type: 'CheckedOut', data: {} }]);
      expect((await events.next()).value).toEqual({
        data: { events: { position: '3', streamId: 'cart-1', type: 'CheckedOut', data: {} } },
      });
    } finally {
      await events.return?.();
      await client.dispose();
    }
  });

  it('run over server-sent events too, with the same filters', async () => {
    const abort = new AbortController();
    const stream = sseSubscription(server.url, Tail, { after: '0', streamId: 'cart-1', types: ['CheckedOut', 'Abandoned'] }, abort.signal);
    try {
      const first = await stream.next();
      expect(first.value?.event).toBe('next');
      expect(JSON.parse(first.value!.data)).toEqual({
        data: { events: { position: '3', streamId: 'cart-1', type: 'CheckedOut', data: {} } },
      });

      await t.app.store.append('cart-2', [{ type: 'Abandoned', data: {} }]);
      await t.app.store.append('cart-1', [{ type: 'Abandoned', data: { reason: 'idle' } }]);
      const live = await stream.next();
      expect(JSON.parse(live.value!.data)).toEqual({
        data: { events: { position: '5', streamId: 'cart-1', type: 'Abandoned', data: { reason: 'idle' } } },
      });
    } finally {
      await stream.return(undefined);
      abort.abort();
    }
  });
});
