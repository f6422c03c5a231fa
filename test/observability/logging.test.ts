import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DomainModule } from '../../src/app/domain-module.js';
import { domains } from '../../src/app/domains.js';
import { createLogger } from '../../src/app/logger.js';
import { defineProjector } from '../../src/es/runtime/projector.js';
import { BALANCE_UPDATED, DEPOSIT, OPEN_ACCOUNT, TRANSFER, WITHDRAW } from '../domains/bank/bank-operations.js';
import { graphql } from '../gql/index.js';
import { postGraphQL } from '../graphql/helpers/post-graphql.js';
import { createTestApp } from '../support/test-app.js';
import { TEST_ACTOR, tokenFor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** A stream whose lookup fails unexpectedly (an injected fault): the error is logged whole with its context. */
const BROKEN_STREAM = 'order-broken-1';

const StreamVersion = graphql(`
  query LoggedStreamVersion($id: String!) {
    stream(id: $id) {
      version
    }
  }
`);

/** The server's real logger (level, redaction) writing into memory: raw lines, to search for secrets, and parsed. */
function captureServerLogs() {
  const raw: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void raw.push(line) });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, any>) };
}

let failing = true;
const brokenModule: DomainModule = {
  name: 'broken',
  register({ runtimes }) {
    runtimes.addProjector(
      defineProjector({
        name: 'broken-projector',
        reset: async () => {},
        handlers: {
          async AccountOpened() {
            if (failing) throw new Error('projector bug');
          },
        },
      }),
    );
  },
};

describe('logs', () => {
  let server: TestServer;
  let logs: ReturnType<typeof captureServerLogs>;
  let TOKEN: string;
  let auth: { authorization: string };

  beforeAll(async () => {
    TOKEN = await tokenFor(TEST_ACTOR);
    auth = { authorization: `Bearer ${TOKEN}` };
    logs = captureServerLogs();
    const t = await createTestApp({ domains: [...domains, brokenModule], logger: logs.logger });
    const streamVersion = t.app.store.streamVersion.bind(t.app.store);
    t.app.store.streamVersion = (id) => (id === BROKEN_STREAM ? Promise.reject(new Error('the database broke')) : streamVersion(id));
    server = await startTestServer(t);
  });

  afterAll(async () => {
    failing = false;
    await server.close();
  });

  it("give each GraphQL operation one line under its request id, carrying its commands' types, outcomes and ids", async () => {
    await postGraphQL(
      server.url,
      OPEN_ACCOUNT,
      { input: { accountNumber: 'L-1', holder: 'Logged' } },
      { 'x-request-id': 'req-open', ...auth },
    );
    await postGraphQL(server.url, DEPOSIT, { input: { accountNumber: 'L-1', amount: 500 } }, { 'x-request-id': 'req-deposit', ...auth });
    await postGraphQL(
      server.url,
      WITHDRAW,
      { input: { accountNumber: 'L-1', amount: 9_999 } },
      { 'x-request-id': 'req-withdraw', ...auth },
    );

    const lines = logs.lines();
    expect(lines.find((line) => line.msg === 'graphql operation' && line.requestId === 'req-deposit')).toMatchObject({
      level: 30,
      service: 'chronicle',
      operation: { type: 'mutation', name: 'Deposit' },
      errors: 0,
      durationMs: expect.any(Number),
      commands: [
        {
          command: 'Deposit',
          outcome: 'accepted',
          commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          correlationId: 'req-deposit',
          causationId: expect.any(String),
          streamId: 'account-L-1',
          version: 2,
          events: 1,
          durationMs: expect.any(Number),
        },
      ],
    });
    expect(lines.find((line) => line.msg === 'graphql operation' && line.requestId === 'req-withdraw')).toMatchObject({
      commands: [{ command: 'Withdraw', outcome: 'rejected', code: 'INSUFFICIENT_FUNDS' }],
    });
    // One line per request: the commands it sent have no lines of their own.
    expect(lines.filter((line) => line.requestId === 'req-deposit' || line.correlationId === 'req-deposit')).toHaveLength(1);
  });

  it('carry a request id through the commands a process manager sends in reaction to it', async () => {
    await postGraphQL(server.url, OPEN_ACCOUNT, { input: { accountNumber: 'L-2', holder: 'Payee' } }, auth);
    const { result } = await postGraphQL(
      server.url,
      TRANSFER,
      { input: { from: 'L-1', to: 'L-2', amount: 100 } },
      { 'x-request-id': 'req-transfer' },
    );
    expect(result.data?.transfer.__typename).toBe('Transfer');

    await vi.waitFor(() => {
      const lines = logs.lines();
      const request = lines.find((line) => line.msg === 'graphql operation' && line.requestId === 'req-transfer');
      const caused = lines.filter((line) => line.msg === 'command' && line.correlationId === 'req-transfer');
      expect([...(request?.commands ?? []), ...caused].map((line: any) => `${line.command} ${line.outcome}`)).toEqual([
        'RequestTransfer accepted',
        'DebitForTransfer accepted',
        'CreditForTransfer accepted',
        'CompleteTransfer accepted',
      ]);
    });
  });

  it('name the runtime a failure happened in', async () => {
    await vi.waitFor(() =>
      expect(logs.lines().find((line) => line.msg === 'runtime batch failed; retrying')).toMatchObject({
        level: 50,
        runtime: 'broken-projector',
        err: { message: 'projector bug' },
      }),
    );
  });

  it('never contain a bearer token, from a header, a connection param or a logged object', async () => {
    // An unexpected error logs the error whole; a subscription logs its start and end.
    await postGraphQL(server.url, StreamVersion, { id: BROKEN_STREAM }, auth);
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { ...auth, token: TOKEN },
    });
    const stream = client.iterate({ query: print(BALANCE_UPDATED), variables: { accountNumber: 'L-1', after: '0' } });
    await stream.next();
    await stream.return?.();
    await client.dispose();
    // Whatever code may log later: the places a token could be carried are redacted.
    logs.logger.info(
      { req: { headers: auth }, headers: auth, connectionParams: auth, token: TOKEN, user: { token: TOKEN, password: TOKEN } },
      'careless',
    );

    await vi.waitFor(() => expect(logs.lines().some((line) => line.msg === 'graphql subscription ended')).toBe(true));
    expect(logs.lines().some((line) => line.msg === 'unexpected error')).toBe(true);
    expect(logs.lines().find((line) => line.msg === 'careless')).toMatchObject({
      req: { headers: { authorization: '[Redacted]' } },
      connectionParams: '[Redacted]',
      token: '[Redacted]',
      user: { token: '[Redacted]', password: '[Redacted]' },
    });
    const output = logs.raw.join('');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(TOKEN.split('.')[2]);
  });
});
