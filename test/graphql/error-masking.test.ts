import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { GraphQLWsConnection } from './helpers/graphql-ws-connection.js';
import { type CapturedLogs, captureLogs } from './helpers/log-capture.js';
import { postGraphQL } from './helpers/post-graphql.js';

const StreamVersion = graphql(`
  query StreamVersion($id: String!) {
    stream(id: $id) {
      version
    }
  }
`);

const EventsAfter = graphql(`
  query EventsAfter($after: String) {
    events(after: $after) {
      edges {
        cursor
      }
    }
  }
`);

/**
 * A stream id whose lookup fails inside the store, unexpectedly. (Text PostgreSQL cannot store,
 * such as NUL, is now refused as bad input before it reaches the database: the fault is injected.)
 */
const BREAKS_THE_DATABASE = 'order-broken-1';
const DATABASE_FAILURE = 'invalid byte sequence for encoding "UTF8": 0x00';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whatever would tell a client about our internals: the driver's message, a stack frame, a file path. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/invalid byte sequence|0x00|UTF8/i);
  expect(text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/work\/|stack/i);
}

describe('unexpected errors', () => {
  let server: TestServer;
  let logs: CapturedLogs;

  beforeAll(async () => {
    logs = captureLogs();
    const t = await createTestApp({ domains: [], logger: logs.logger });
    const streamVersion = t.app.store.streamVersion.bind(t.app.store);
    t.app.store.streamVersion = (id) => (id === BREAKS_THE_DATABASE ? Promise.reject(new Error(DATABASE_FAILURE)) : streamVersion(id));
    server = await startTestServer(t);
  });

  afterAll(() => server.close());

  it('reach an HTTP client masked, with the request id it sent, and are logged whole under that id', async () => {
    const { response, text, result } = await postGraphQL(
      server.url,
      StreamVersion,
      { id: BREAKS_THE_DATABASE },
      { 'x-request-id': 'trace-4711' },
    );

    expect(response.headers.get('x-request-id')).toBe('trace-4711');
    expect(result.errors).toEqual([
      {
        message: 'Unexpected error.',
        locations: [{ line: 2, column: 3 }],
        path: ['stream'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'trace-4711' },
      },
    ]);
    expectNoInternals(text);

    const logged = logs.lines.find((line) => line.msg === 'unexpected error' && line.requestId === 'trace-4711');
    expect(logged?.err.message).toMatch(/invalid byte sequence/);
    expect(logged?.err.stack).toBeTruthy();
  });

  it('get a fresh request id when the client sent none', async () => {
    const { response, result } = await postGraphQL(server.url, StreamVersion, { id: BREAKS_THE_DATABASE });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(UUID);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
    expect(logs.lines.some((line) => line.msg === 'unexpected error' && line.requestId === requestId)).toBe(true);
  });

  it('are masked the same way over WebSocket', async () => {
    const connection = await GraphQLWsConnection.open(server.wsUrl);
    try {
      connection.subscribe('q1', StreamVersion, { id: BREAKS_THE_DATABASE });
      await connection.waitFor((message) => message.id === 'q1' && message.type === 'complete');
      const [next] = connection.of('q1');
      expect(next?.type).toBe('next');
      const error = next!.payload.errors[0];
      expect(error).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(error.extensions.requestId).toMatch(UUID);
      expectNoInternals(JSON.stringify(connection.messages));
      expect(logs.lines.some((line) => line.msg === 'unexpected error' && line.requestId === error.extensions.requestId)).toBe(true);
    } finally {
      connection.close();
    }
  });

  it('leave the errors a client can act on as they are', async () => {
    const { result } = await postGraphQL(server.url, EventsAfter, { after: 'yesterday' });
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringContaining('"after"'), extensions: { code: 'BAD_USER_INPUT' } });

    const invalid = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ events { nope } }' }),
    });
    const body = (await invalid.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toBe('Cannot query field "nope" on type "EventConnection".');
  });
});
