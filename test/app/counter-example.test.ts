import SchemaBuilder from '@pothos/core';
import { parse } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { GraphQLWsConnection } from '../graphql/helpers/graphql-ws-connection.js';
import { createTestDatabase } from '../support/test-database.js';
import { authorizationFor, TEST_AUTH, userActor } from '../support/test-auth.js';

/**
 * The toy slice in examples/counter/ joins the app by one line in its list, as a new slice would:
 * here that line is added by mocking src/app/domains.js. Its command, projection, query and
 * subscription then work through the whole stack, and its access rules hold.
 */

// The app is loaded again, in a module graph of its own; Pothos keeps one plugin registry per process.
SchemaBuilder.allowPluginReRegistration = true;

async function appWithCounter() {
  vi.resetModules();
  vi.doMock('../../src/app/domains.js', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../src/app/domains.js')>();
    const { counterModule } = await import('../../examples/counter/counter-module.js');
    return { ...original, domains: [...original.domains, counterModule] };
  });
  const { createChronicle } = await import('../../src/app/create-chronicle.js');
  const { createChronicleServer } = await import('../../src/server/create-server.js');
  return { createChronicle, createChronicleServer };
}

describe('a new slice, the counter example', () => {
  let close: () => Promise<void>;
  let graphqlUrl: URL;
  let wsUrl: string;

  beforeAll(async () => {
    const app = await appWithCounter();
    const database = await createTestDatabase();
    const chronicle = await app.createChronicle(
      { ...loadConfig({}), pollIntervalMs: 200, auth: TEST_AUTH },
      { database, logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) },
    );
    const server = app.createChronicleServer(chronicle, { graphiql: false, drainTimeoutMs: 5_000 });
    const base = await server.listen(0, '127.0.0.1');
    graphqlUrl = new URL('/graphql', base);
    wsUrl = graphqlUrl.href.replace(/^http/, 'ws');
    close = () => server.drain();
  });
  afterAll(() => close?.());

  async function post(subject: string, query: string): Promise<any> {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authorizationFor(userActor(subject))) },
      body: JSON.stringify({ query }),
    });
    return response.json();
  }

  it('counts through its command, projection, query and subscription, for its owner only', async () => {
    const increment = 'mutation { increment(counterId: "c-1") { __typename ... on Counter { count } ... on Error { code } } }';
    expect(await post('alice', increment)).toEqual({
      data: { increment: { __typename: 'Counter', count: 1 } },
      extensions: { chronicle: { position: expect.any(String) } },
    });

    const live = await GraphQLWsConnection.open(wsUrl, await authorizationFor(userActor('alice')));
    try {
      live.subscribe('1', parse('subscription { counterIncremented(id: "c-1") { count } }'));
      const next = live.waitFor((message) => message.id === '1' && message.type === 'next');
      expect(await post('alice', increment)).toEqual({
        data: { increment: { __typename: 'Counter', count: 2 } },
        extensions: { chronicle: { position: expect.any(String) } },
      });
      expect((await next).payload).toEqual({ data: { counterIncremented: { count: 2 } } });
    } finally {
      live.close();
    }

    expect(await post('alice', '{ counter(id: "c-1") { count } }')).toEqual({ data: { counter: { count: 2 } } });
    expect(await post('bob', increment)).toEqual({ data: { increment: { __typename: 'ForbiddenError', code: 'FORBIDDEN' } } });
    expect((await post('bob', '{ counter(id: "c-1") { count } }')).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });

  it('answers its declared refusal as a result type', async () => {
    for (let count = 1; count <= 10; count++) await post('carol', 'mutation { increment(counterId: "c-2") { __typename } }');
    expect(await post('carol', 'mutation { increment(counterId: "c-2") { ... on Error { __typename code } } }')).toEqual({
      data: { increment: { __typename: 'CounterAtLimitError', code: 'COUNTER_AT_LIMIT' } },
    });
  });
});
