import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLimits, type Limits } from '../../src/server/limits.js';
import { createTestApp } from '../support/test-app.js';
import { adminActor, authorizationFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Issue 13, defect 8: every limit refuses with a code and a 400, never as a "Syntax Error" with a 200,
// and the largest page `first` allows fits the cost limit with the README's selections.

type Body = { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

async function post(url: string, query: string, options: { variables?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(url, {
    method: 'POST',
    // Plain JSON, as most clients send it: with it, graphql-yoga answers a validation error with 200 unless told otherwise.
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

function expectLimit({ status, body }: { status: number; body: Body }, code: string, limit: number, argument?: string) {
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions).toEqual(argument ? { code, limit, argument } : { code, limit });
  expect(body.errors?.[0]?.message).not.toMatch(/syntax error/i);
}

const README_LOG = (first: number) => `{
  events(first: ${first}) {
    edges { node { position streamId version type data metadata { correlationId causationId } } }
  }
  projections { name checkpoint lag status }
}`;

const README_DEPOSIT = (first: number) => `mutation {
  deposit(input: { accountNumber: "LIMITS-1", amount: 12500 }) {
    __typename
    ... on Account { balance version transactions(first: ${first}) { edges { node { kind delta balance } } } }
    ... on Error { code message }
    ... on ValidationError { fields { path message } }
  }
}`;

describe('with the default limits', () => {
  let server: TestServer;
  let admin: Record<string, string>;
  let alice: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer(await createTestApp({ actor: null, config: { limits: loadLimits({}, false) } }));
    admin = await authorizationFor(adminActor('operator'));
    alice = await authorizationFor(userActor('alice'));
  });
  afterAll(() => server.close());

  it("the README's selections run at the largest page `first` allows", async () => {
    const log = await post(server.url, README_LOG(100), { headers: admin });
    expect(log.body.errors).toBeUndefined();
    expect(log.status).toBe(200);
    expect(Array.isArray(log.body.data.events.edges)).toBe(true);

    const open = await post(server.url, 'mutation { openAccount(input: { accountNumber: "LIMITS-1", holder: "Alice" }) { __typename } }', {
      headers: alice,
    });
    expect(open.body).toEqual({
      data: { openAccount: { __typename: 'Account' } },
      extensions: { chronicle: { position: expect.any(String) } },
    });
    const deposit = await post(server.url, README_DEPOSIT(100), { headers: alice });
    expect(deposit.body.errors).toBeUndefined();
    expect(deposit.body.data.deposit).toMatchObject({ __typename: 'Account', balance: 12500 });
  });

  it('a `first` beyond the page size is BAD_USER_INPUT with a 400, inline or as a variable, on every connection', async () => {
    expectLimit(await post(server.url, README_LOG(200), { headers: admin }), 'BAD_USER_INPUT', 100, 'first');
    expectLimit(
      await post(server.url, 'query($n: Int) { events(first: $n) { edges { node { type } } } }', { variables: { n: 101 }, headers: admin }),
      'BAD_USER_INPUT',
      100,
      'first',
    );
    // Pothos connections used to cut such a page to 100 in silence.
    expectLimit(await post(server.url, README_DEPOSIT(101), { headers: alice }), 'BAD_USER_INPUT', 100, 'first');
    expectLimit(
      await post(server.url, 'query($n: Int = 500) { orders(first: $n) { edges { node { id } } } }', { headers: alice }),
      'BAD_USER_INPUT',
      100,
      'first',
    );
    const { body } = await post(server.url, '{ richest(first: 101) { accountId } }', { headers: alice });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('with small limits', () => {
  const limits: Limits = { ...loadLimits({}, false), maxDepth: 4, maxCost: 30, maxAliases: 2, maxTokens: 80 };
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(await createTestApp({ domains: [], config: { limits } }));
  });
  afterAll(() => server.close());

  it('cost: QUERY_TOO_COSTLY, also when `first` is a variable', async () => {
    const wide = '{ edges { cursor node { position eventId streamId version type data occurredAt } } pageInfo { hasNextPage endCursor } }';
    expect((await post(server.url, '{ projections { name lag } }')).body.errors).toBeUndefined();
    expectLimit(await post(server.url, `{ events(first: 1) ${wide} }`), 'QUERY_TOO_COSTLY', 30);
    // A variable used to count as a page of one: `first: $n` slipped past the limit.
    const narrow = 'query($n: Int) { events(first: $n) { edges { node { type } } } }';
    expect((await post(server.url, narrow, { variables: { n: 1 } })).body.errors).toBeUndefined();
    expectLimit(await post(server.url, narrow, { variables: { n: 5 } }), 'QUERY_TOO_COSTLY', 30);
  });

  it('depth: QUERY_TOO_DEEP', async () => {
    expectLimit(await post(server.url, '{ events(first: 1) { edges { node { metadata { actor } } } } }'), 'QUERY_TOO_DEEP', 4);
  });

  it('aliases: TOO_MANY_ALIASES', async () => {
    expectLimit(
      await post(server.url, '{ a: projections { name } b: projections { name } c: projections { name } }'),
      'TOO_MANY_ALIASES',
      2,
    );
  });

  it('tokens: QUERY_TOO_LONG', async () => {
    expectLimit(await post(server.url, `{ projections { ${'name '.repeat(100)}} }`), 'QUERY_TOO_LONG', 80);
  });

  it('a refused subscription over SSE says so the same way', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { events { edges: type a: type b: type c: type } }' }),
    });
    const text = await response.text();
    expect(text).toContain('TOO_MANY_ALIASES');
  });
});
