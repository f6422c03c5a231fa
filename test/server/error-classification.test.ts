import type { Socket } from 'node:net';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type CapturedLogs, captureLogs } from '../graphql/helpers/log-capture.js';
import { closedPort } from '../support/closed-port.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** POSTs one operation given as text; returns the response and its parsed body. */
async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const warnings = (logs: CapturedLogs) => logs.lines.filter((line) => line.level >= 40);

describe('a client that hangs up', () => {
  const SOCKETS = 2;
  const SUBSCRIPTIONS_PER_SOCKET = 3;
  const TAIL = 'subscription Tail { events(after: "0") { position data } }';

  it('over graphql-ws, with sends in flight: its subscriptions end, and nothing is logged as a warning', async () => {
    const logs = captureLogs('debug');
    const t = await createTestApp({ domains: [], logger: logs.logger });
    const server = await startTestServer(t);
    try {
      // History big enough that replaying it fills the socket buffers of a client that stops reading.
      const payload = 'x'.repeat(100_000);
      for (let i = 0; i < 10; i++)
        await t.app.store.append(
          `big-${i}`,
          Array.from({ length: 10 }, () => ({ type: 'Big', data: { payload } })),
        );
      const serverSides: Socket[] = [];
      server.server.httpServer.on('upgrade', (_request, socket: Socket) => serverSides.push(socket));

      const clientSides: Socket[] = [];
      for (let s = 0; s < SOCKETS; s++) {
        const client = new WebSocket(server.wsUrl, 'graphql-transport-ws');
        client.once('upgrade', (response) => clientSides.push(response.socket));
        const firsts = new Set<string>();
        const subscribed = new Promise<void>((resolve) => {
          client.on('message', (data) => {
            const message = JSON.parse(String(data)) as { type: string; id?: string };
            if (message.type === 'connection_ack') {
              for (let i = 0; i < SUBSCRIPTIONS_PER_SOCKET; i++)
                client.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: TAIL } }));
            }
            if (message.type === 'next') firsts.add(message.id!);
            if (firsts.size === SUBSCRIPTIONS_PER_SOCKET) {
              // Stops reading: the server's sends back up.
              client.pause();
              resolve();
            }
          });
        });
        client.once('open', () => client.send(JSON.stringify({ type: 'connection_init' })));
        await subscribed;
      }
      // Every server-side socket holds data the client has not taken: sends are in flight.
      await vi.waitFor(() => expect(serverSides.every((socket) => socket.writableLength > 0)).toBe(true), { timeout: 20_000 });

      for (const socket of clientSides) socket.resetAndDestroy();
      const ended = () => logs.lines.filter((line) => line.msg === 'graphql subscription ended').length;
      await vi.waitFor(() => expect(ended()).toBe(SOCKETS * SUBSCRIPTIONS_PER_SOCKET), { timeout: 20_000 });
    } finally {
      await server.close();
    }
    expect(warnings(logs)).toEqual([]);
    // The sends did fail (the client was gone), and that is worth a debug line at most.
    expect(logs.lines.some((line) => line.msg === 'client went away' && line.level === 20)).toBe(true);
  });
});

describe('an identity provider that cannot be reached', () => {
  let logs: CapturedLogs;
  let t: TestApp;
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    logs = captureLogs();
    const jwksUrl = `http://127.0.0.1:${await closedPort()}/.well-known/jwks.json`;
    t = await createTestApp({ actor: null, logger: logs.logger, config: { auth: { jwksUrl } } });
    server = await startTestServer(t);
    // Any token of the provider: its keys are needed before anything about it can be said.
    const { privateKey } = await generateKeyPair('ES256');
    token = await new SignJWT({ roles: [] })
      .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
      .setSubject('ada')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  });
  afterAll(() => server.close());

  const PROVIDER_DOWN = { code: 'IDENTITY_PROVIDER_UNAVAILABLE', retryable: true };

  it('HTTP: 503 with Retry-After and its own retryable code, and the database is not blamed', async () => {
    const { response, body } = await post(server.url, '{ projections { name } }', {}, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/identity provider/), extensions: PROVIDER_DOWN }),
    ]);
    expect(logs.lines.some((line) => line.msg === 'identity provider unavailable' && line.level === 40)).toBe(true);
    expect(logs.lines.some((line) => line.msg === 'database unavailable')).toBe(false);
  });

  it('graphql-ws: a token at connection_init closes the socket with 1013 (try again later), not 4403 (refused)', async () => {
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    expect(await closed).toBe(1013);
  });

  it('graphql-ws: an operation carrying its own token gets the retryable error', async () => {
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    const messages: Array<{ type: string; id?: string; payload?: any }> = [];
    const answered = new Promise<void>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as (typeof messages)[number];
        messages.push(message);
        if (message.type === 'connection_ack') {
          socket.send(
            JSON.stringify({
              id: 'q',
              type: 'subscribe',
              payload: { query: '{ projections { name } }', extensions: { headers: { authorization: `Bearer ${token}` } } },
            }),
          );
        }
        if (message.id === 'q') resolve();
      });
    });
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    await answered;
    socket.close();
    expect(messages.find((message) => message.id === 'q')).toMatchObject({ type: 'error', payload: [{ extensions: PROVIDER_DOWN }] });
  });
});

describe("a network error that is not the database's", () => {
  it('is an unexpected error, masked, not SERVICE_UNAVAILABLE', async () => {
    const logs = captureLogs();
    const t = await createTestApp({ domains: [], logger: logs.logger });
    // What a call to another service (not the database) would raise when its peer hangs up.
    t.app.store.streamVersion = () => Promise.reject(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' }));
    const server = await startTestServer(t);
    try {
      const { body } = await post(server.url, 'query($id: String!) { stream(id: $id) { version } }', { id: 'order-1' });
      expect(body.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(logs.lines.some((line) => line.msg === 'unexpected error' && line.err?.code === 'ECONNRESET')).toBe(true);
      expect(logs.lines.some((line) => line.msg === 'database unavailable')).toBe(false);
    } finally {
      await server.close();
    }
  });
});
