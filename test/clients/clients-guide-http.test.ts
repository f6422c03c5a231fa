import { Client, fetchExchange } from '@urql/core';
import { parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { tokenFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createApolloClient } from './guide/apollo-client.js';
import { createUrqlClient } from './guide/urql-client.js';

// docs/clients.md, "Queries and mutations": urql and Apollo Client as the guide configures them, against a real server.

const OPEN_ACCOUNT = `
  mutation GuideOpenAccount($accountNumber: String!) {
    openAccount(input: { accountNumber: $accountNumber, holder: "Ada Lovelace" }) { __typename ... on Error { code message } }
  }
`;
const DEPOSIT = `
  mutation GuideDeposit($accountNumber: String!, $amount: SafeInt!) {
    deposit(input: { accountNumber: $accountNumber, amount: $amount }) { __typename ... on Account { balance } ... on Error { code } }
  }
`;
const ACCOUNT = `
  query GuideAccount($accountNumber: String!) {
    account(accountNumber: $accountNumber) { accountNumber balance }
  }
`;
const CHALLENGES = '{ challenges { id } }';

let server: TestServer;
let token: string;
let accountNumber: string;

beforeAll(async () => {
  server = await startTestServer(await createTestApp({ actor: null }));
  token = await tokenFor(userActor('ada'));
  accountNumber = `GUIDE-${crypto.randomUUID().slice(0, 8)}`;
  const client = createUrqlClient(server.url, token);
  expect((await client.mutation(OPEN_ACCOUNT, { accountNumber })).data?.openAccount).toEqual({ __typename: 'Account' });
  const deposited = await client.mutation(DEPOSIT, { accountNumber, amount: 12_500 });
  expect(deposited.data?.deposit).toEqual({ __typename: 'Account', balance: 12_500 });
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

/** Records each request the client under test sends to the server: its method and headers. */
function recordRequests(): Array<{ method: string; headers: Headers }> {
  const requests: Array<{ method: string; headers: Headers }> = [];
  const fetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const request = new Request(input, init);
    if (request.url.startsWith(server.url)) requests.push({ method: request.method, headers: request.headers });
    return fetch(input, init);
  });
  return requests;
}

describe('urql (@urql/core)', () => {
  it('with a token, sends its queries as GET and is served without a CSRF header', async () => {
    const requests = recordRequests();
    const result = await createUrqlClient(server.url, token).query(ACCOUNT, { accountNumber });
    expect(result.error).toBeUndefined();
    expect(result.data?.account).toEqual({ accountNumber, balance: 12_500 });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect([...requests[0]!.headers.keys()].filter((name) => /csrf|preflight/.test(name))).toEqual([]);
  });

  it('sends mutations as POST', async () => {
    const requests = recordRequests();
    const result = await createUrqlClient(server.url, token).mutation(DEPOSIT, { accountNumber: 'GUIDE-NONE', amount: 1 });
    expect(result.data?.deposit).toEqual({ __typename: 'AccountNotFoundError', code: 'ACCOUNT_NOT_FOUND' });
    expect(requests.map((request) => request.method)).toEqual(['POST']);
  });

  it('without a token, reads public fields over GET with the CSRF header the guide adds', async () => {
    const requests = recordRequests();
    const result = await createUrqlClient(server.url).query(CHALLENGES, {});
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ challenges: [] });
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.headers.get('graphql-require-preflight')).toBe('1');
  });

  it('without a token nor the CSRF header, a GET is refused with 403 by an error naming the headers it needs', async () => {
    const bare = new Client({ url: server.url, exchanges: [fetchExchange] });
    const result = await bare.query(CHALLENGES, {});
    expect(result.data).toBeUndefined();
    expect(result.error?.response?.status).toBe(403);
    const message = result.error?.graphQLErrors[0]?.message;
    expect(message).toContain('"graphql-require-preflight"');
    expect(message).toContain('"x-graphql-yoga-csrf"');
    expect(message).toContain('Authorization');
  });
});

describe('Apollo Client (@apollo/client/core)', () => {
  it.each([
    ['POST (its default)', false, 'POST'],
    ['GET (useGETForQueries)', true, 'GET'],
  ])('with a token, queries over %s', async (_name, useGETForQueries, method) => {
    const requests = recordRequests();
    const client = createApolloClient(server.url, token, useGETForQueries);
    const result = await client.query({ query: parse(ACCOUNT), variables: { accountNumber } });
    expect(result.data).toEqual({ account: { __typename: 'Account', accountNumber, balance: 12_500 } });
    expect(requests.map((request) => request.method)).toEqual([method]);
    client.stop();
  });
});

describe('the CSRF check on the server', () => {
  const get = (headers: Record<string, string>) =>
    fetch(`${server.url}?query=${encodeURIComponent(CHALLENGES)}`, { headers: { accept: 'application/json', ...headers } });

  it('lets a GET with an Authorization header through, and still refuses one with neither header', async () => {
    expect((await get({ authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get({ 'x-graphql-yoga-csrf': '1' })).status).toBe(200);
    const refused = await get({});
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/graphql-require-preflight/);
  });

  it('refuses a form post without either header, and lets one with an Authorization header past the CSRF check', async () => {
    const form = (headers: Record<string, string>) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
        body: `query=${encodeURIComponent(CHALLENGES)}`,
      });
    expect((await form({})).status).toBe(403);
    const withToken = await form({ authorization: `Bearer ${token}` });
    expect(((await withToken.json()) as { errors?: Array<{ message: string }> }).errors?.[0]?.message ?? '').not.toMatch(/CSRF/);
  });
});
