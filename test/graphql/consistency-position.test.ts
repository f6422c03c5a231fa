import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChronicleYoga } from '../../src/graphql/create-yoga.js';
import { ACCOUNT, DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_ACTOR } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import WebSocket from 'ws';

// Issue 15: a mutation tells where its writes reached in the log, and a query given that position
// answers from data at or past it. One node here (both dialects); replicas in test/faults/read-replica.test.ts.
let t: TestApp;
let server: TestServer;
let send: <Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  headers?: Record<string, string>,
) => Promise<{ response: Response; result: ExecutionResult<Result> }>;

beforeAll(async () => {
  t = await createTestApp();
  server = await startTestServer(t);
  const yoga = createChronicleYoga(t.app, { graphiql: false, defaultActor: TEST_ACTOR });
  send = async (document, variables, headers = {}) => {
    const response = await yoga.fetch('http://chronicle.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query: print(document), variables }),
    });
    return { response, result: (await response.json()) as ExecutionResult<any> };
  };
  const opened = await send(OPEN_ACCOUNT, { input: { accountNumber: 'POSITION-1', holder: 'Position' } });
  expect(opened.result.data?.openAccount.__typename).toBe('Account');
});
// Draining the server stops the app too.
afterAll(() => server.close());

describe('the position a mutation reached, and queries that ask for it', () => {
  it('a mutation answers with the position of its last event, in extensions.chronicle.position and the Chronicle-Position header', async () => {
    const { response, result } = await send(DEPOSIT, { input: { accountNumber: 'POSITION-1', amount: 25 } });
    expect(result.data?.deposit.__typename).toBe('Account');
    const position = response.headers.get('chronicle-position');
    expect(result.extensions?.chronicle).toEqual({ position });
    const account = await send(ACCOUNT, { accountNumber: 'POSITION-1', first: 10 });
    const deposited = account.result.data?.account?.transactions?.edges.find((edge) => edge.node.amount === 25);
    expect(deposited?.node.position).toBe(position);
    // A query writes nothing, so it carries no position.
    expect(account.response.headers.get('chronicle-position')).toBeNull();
    expect(account.result.extensions?.chronicle).toBeUndefined();
  });

  it('a refused mutation appended nothing and carries no position', async () => {
    const { response, result } = await send(DEPOSIT, { input: { accountNumber: 'POSITION-NOBODY', amount: 5 } });
    expect(result.data?.deposit.__typename).toBe('AccountNotFoundError');
    expect(response.headers.get('chronicle-position')).toBeNull();
    expect(result.extensions?.chronicle).toBeUndefined();
  });

  it('a query carrying Chronicle-Min-Position answers from data at or past it', async () => {
    const deposit = await send(DEPOSIT, { input: { accountNumber: 'POSITION-1', amount: 7 } });
    const position = deposit.response.headers.get('chronicle-position')!;
    const { result } = await send(ACCOUNT, { accountNumber: 'POSITION-1' }, { 'chronicle-min-position': position });
    expect(result.errors).toBeUndefined();
    expect(result.data?.account?.balance).toBe(32);
  });

  it('refuses a Chronicle-Min-Position that is not a position with a 400 INVALID_MIN_POSITION, and runs nothing', async () => {
    const { response, result } = await send(
      DEPOSIT,
      { input: { accountNumber: 'POSITION-1', amount: 1 } },
      { 'chronicle-min-position': 'latest' },
    );
    expect(response.status).toBe(400);
    expect(result.errors).toMatchObject([{ extensions: { code: 'INVALID_MIN_POSITION' } }]);
    const account = await send(ACCOUNT, { accountNumber: 'POSITION-1' });
    expect(account.result.data?.account?.balance).toBe(32);
  });

  it('refuses a position beyond the head of the log, which was never handed out, instead of waiting for it', async () => {
    const head = await t.app.store.head();
    const { result } = await send(ACCOUNT, { accountNumber: 'POSITION-1' }, { 'chronicle-min-position': String(head + 1_000) });
    expect(result.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', head: String(head) } }]);
  });

  it('lets a browser page of an allowed origin read the Chronicle-Position header', async () => {
    const { response } = await send(DEPOSIT, { input: { accountNumber: 'POSITION-1', amount: 1 } }, { origin: 'http://localhost:5173' });
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('chronicle-position');
  });
});

describe('over graphql-ws', () => {
  it('a mutation result carries the position in its extensions (a socket has no response headers)', async () => {
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const variables = { input: { accountNumber: 'POSITION-WS', holder: 'Socket' } };
      const opened = await client.iterate({ query: print(OPEN_ACCOUNT), variables }).next();
      expect(opened.value?.extensions?.chronicle).toEqual({ position: expect.stringMatching(/^\d+$/) });
    } finally {
      await client.dispose();
    }
  });

  it('a query sends its minimum position as extensions.minPosition, checked as over HTTP', async () => {
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    // A refusal before execution is graphql-ws's `error` message, which the client's iterator throws.
    const query = (minPosition: unknown) =>
      client
        .iterate({ query: print(ACCOUNT), variables: { accountNumber: 'POSITION-1' }, extensions: { minPosition } })
        .next()
        .then(
          ({ value }) => value,
          (errors: unknown) => ({ errors }),
        );
    try {
      const head = await t.app.store.head();
      expect(await query(String(head))).toMatchObject({ data: { account: { accountNumber: 'POSITION-1' } } });
      expect((await query('latest'))?.errors).toMatchObject([{ extensions: { code: 'INVALID_MIN_POSITION' } }]);
      expect((await query(String(head + 1_000)))?.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', head: String(head) } }]);
    } finally {
      await client.dispose();
    }
  });
});
