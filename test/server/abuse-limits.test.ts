import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadLimits, type Limits } from '../../src/server/limits.js';
import { GraphQLWsConnection } from '../graphql/helpers/graphql-ws-connection.js';
import { createTestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const limits: Limits = {
  maxDepth: 4,
  maxCost: 30,
  maxAliases: 2,
  maxTokens: 80,
  maxBodyBytes: 2_048,
  maxSubscriptionsPerSocket: 2,
  subscriptionsPerActor: 200,
  replaysPerActor: 4,
  replayEventsPerSecond: 500,
  replayReads: 4,
  connectionInitTimeoutMs: 300,
  introspection: false,
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(await createTestApp({ domains: [], config: { limits } }));
});
afterAll(() => server.close());

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> },
  };
}

/** Refused while validating: an error that names the limit, and nothing executed. */
function expectRefused(body: { data?: unknown; errors?: Array<{ message: string }> }, limit: RegExp): void {
  expect(body.data).toBeUndefined();
  expect(body.errors?.[0]?.message).toMatch(limit);
}

describe('operation limits (graphql-armor)', () => {
  it('depth: refuses an operation nested deeper than the limit before running it', async () => {
    expect((await post('{ events(first: 1) { edges { node { type } } } }')).body.errors).toBeUndefined();
    expectRefused(
      (await post('{ events(first: 1) { edges { node { metadata { actor } } } } }')).body,
      /depth limit of 4 exceeded, found 5/i,
    );
  });

  it('aliases: refuses more aliases than the limit', async () => {
    expect((await post('{ a: projections { name } b: projections { name } }')).body.errors).toBeUndefined();
    expectRefused((await post('{ a: projections { name } b: projections { name } c: projections { name } }')).body, /aliases limit of 2/i);
  });

  it('cost: refuses an operation whose cost exceeds the limit', async () => {
    expect((await post('{ projections { name lag } }')).body.errors).toBeUndefined();
    const wide =
      '{ events(first: 1) { edges { cursor node { position eventId streamId version type data occurredAt } } pageInfo { hasNextPage endCursor } } }';
    expectRefused((await post(wide)).body, /cost limit of 30 exceeded/i);
  });

  it('tokens: refuses a document with more tokens than the limit while parsing it', async () => {
    const { status, body } = await post(`{ projections { ${'name '.repeat(100)}} }`);
    expect(status).toBe(400);
    expectRefused(body, /token limit of 80/i);
  });

  it('introspection can be switched off', async () => {
    const { body } = await post('{ __schema { queryType { name } } }');
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    expect(loadLimits({ NODE_ENV: 'production' } as NodeJS.ProcessEnv, true).introspection).toBe(false);
    expect(loadLimits({ GRAPHQL_INTROSPECTION: 'true' } as NodeJS.ProcessEnv, true).introspection).toBe(true);
    expect(loadLimits({} as NodeJS.ProcessEnv, false).introspection).toBe(true);
  });

  it('reads every limit from the environment and refuses nonsense', () => {
    const env = {
      GRAPHQL_MAX_DEPTH: '7',
      GRAPHQL_MAX_COST: '900',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_TOKENS: '400',
      MAX_BODY_BYTES: '1000',
      WS_MAX_SUBSCRIPTIONS: '5',
      SUBSCRIPTIONS_PER_ACTOR: '50',
      REPLAYS_PER_ACTOR: '2',
      REPLAY_EVENTS_PER_SECOND: '250',
      REPLAY_READS: '3',
      WS_CONNECTION_INIT_TIMEOUT_MS: '1500',
      GRAPHQL_INTROSPECTION: 'false',
    } as NodeJS.ProcessEnv;
    expect(loadLimits(env, false)).toEqual({
      maxDepth: 7,
      maxCost: 900,
      maxAliases: 3,
      maxTokens: 400,
      maxBodyBytes: 1000,
      maxSubscriptionsPerSocket: 5,
      subscriptionsPerActor: 50,
      replaysPerActor: 2,
      replayEventsPerSecond: 250,
      replayReads: 3,
      connectionInitTimeoutMs: 1500,
      introspection: false,
    });
    expect(() => loadLimits({ GRAPHQL_MAX_DEPTH: '-1' } as NodeJS.ProcessEnv, false)).toThrow(/GRAPHQL_MAX_DEPTH/);
  });
});

describe('request size', () => {
  it('answers 413 to a body over the limit without reading it, and keeps serving', async () => {
    const { status, body } = await post(`{ projections { name } } # ${'x'.repeat(3_000)}`);
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await post('{ projections { name } }')).status).toBe(200);
  });

  it('answers 411 to a body of undeclared length', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(
        server.url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          response.resume();
          resolve(response.statusCode!);
        },
      );
      outgoing.on('error', reject);
      outgoing.write('{"query":');
      outgoing.end('"{ projections { name } }"}');
    });
    expect(status).toBe(411);
  });

  it('closes a WebSocket that sends a message over the limit (1009)', async () => {
    const connection = await GraphQLWsConnection.open(server.wsUrl);
    connection.send({ id: 'big', type: 'subscribe', payload: { query: `{ projections { name } } # ${'x'.repeat(3_000)}` } });
    expect((await connection.closed).code).toBe(1009);
  });
});

describe('WebSocket limits', () => {
  it('refuses an operation beyond the limit per connection, and keeps the others', async () => {
    const connection = await GraphQLWsConnection.open(server.wsUrl);
    try {
      const tail = { query: 'subscription { events { position } }' };
      for (const id of ['1', '2', '3']) connection.send({ id, type: 'subscribe', payload: tail });
      const refused = await connection.waitFor((message) => message.id === '3' && message.type === 'error');
      expect(refused.payload[0]).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });
      expect(
        connection
          .of('1')
          .concat(connection.of('2'))
          .filter((message) => message.type === 'error'),
      ).toEqual([]);
    } finally {
      connection.close();
    }
  });

  it('closes a connection that does not initialise in time (4408)', async () => {
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    const started = performance.now();
    const code = await new Promise<number>((resolve) => socket.once('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(4408);
    expect(performance.now() - started).toBeGreaterThanOrEqual(limits.connectionInitTimeoutMs - 50);
  });
});

describe('CSRF prevention', () => {
  it('refuses a browser-simple request (a form post, a plain GET) that lacks the preflight header', async () => {
    const form = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ projections { name } }' }),
    });
    expect(form.status).toBe(403);
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ projections { name } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(403);
    expect(((await get.json()) as any).errors[0].message).toMatch(/CSRF/);
    // A synchronous refusal must leave the connection and the server healthy for the next request.
    for (let i = 0; i < 3; i++) expect((await post('{ projections { name } }')).status).toBe(200);
  });

  it('serves JSON posts, and GETs carrying the header', async () => {
    expect((await post('{ projections { name } }')).status).toBe(200);
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ projections { name } }')}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(get.status).toBe(200);
  });
});
