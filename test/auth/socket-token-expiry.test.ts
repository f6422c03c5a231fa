import { EventEmitter } from 'node:events';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { Actor } from '../../src/es/actor.js';
import { SocketTokenExpiry } from '../../src/server/socket-token-expiry.js';
import { BALANCE_UPDATED, DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { GraphQLWsConnection } from '../graphql/helpers/graphql-ws-connection.js';
import { postGraphQL } from '../graphql/helpers/post-graphql.js';
import { type SseEvent, sseSubscription } from '../graphql/helpers/sse.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_AUTH, authorizationFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const ada = userActor('ada');

/** A token of `actor` that expires two to three seconds from now, and when exactly. */
async function shortLivedToken(actor: Actor): Promise<{ authorization: string; expiresAt: number }> {
  const exp = Math.ceil(Date.now() / 1_000) + 2;
  const token = await new SignJWT({ roles: [...actor.roles] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.subject)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(TEST_AUTH.secret));
  return { authorization: `Bearer ${token}`, expiresAt: exp * 1_000 };
}

describe("a token's expiry ends what it opened", () => {
  let t: TestApp;
  let server: TestServer;
  beforeAll(async () => {
    t = await createTestApp({ actor: null });
    server = await startTestServer(t);
  });
  afterAll(() => server.close());

  /** An account of ada's, opened and deposited into over HTTP with a long-lived token. */
  async function adaAccount() {
    const accountNumber = `EXP-${crypto.randomUUID().slice(0, 8)}`;
    const headers = await authorizationFor(ada);
    const { result } = await postGraphQL(server.url, OPEN_ACCOUNT, { input: { accountNumber, holder: 'Ada' } }, headers);
    expect(result.data?.openAccount.__typename).toBe('Account');
    const deposit = async (amount: number) => {
      const { result: deposited } = await postGraphQL(server.url, DEPOSIT, { input: { accountNumber, amount } }, headers);
      expect(deposited.data?.deposit.__typename).toBe('Account');
    };
    return { accountNumber, deposit };
  }

  it('graphql-ws: the socket closes with 4403 at the token’s exp; a new token resumes the subscription `after` its last position', async () => {
    const { accountNumber, deposit } = await adaAccount();
    const { authorization, expiresAt } = await shortLivedToken(ada);
    await deposit(100);
    const connection = await GraphQLWsConnection.open(server.wsUrl, { authorization });
    connection.subscribe('b', BALANCE_UPDATED, { accountNumber, after: '0' });
    const received = await connection.waitFor((message) => message.id === 'b' && message.type === 'next');
    expect(received.payload.data.balanceUpdated).toMatchObject({ balance: 100, delta: 100 });

    const closed = await connection.closed;
    expect(closed.code).toBe(4403);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(connection.of('b').map((message) => message.type)).toEqual(['next']);

    await deposit(50);
    const renewed = await GraphQLWsConnection.open(server.wsUrl, await authorizationFor(ada));
    try {
      renewed.subscribe('b', BALANCE_UPDATED, { accountNumber, after: received.payload.data.balanceUpdated.position });
      const resumed = await renewed.waitFor((message) => message.id === 'b' && message.type === 'next');
      expect(resumed.payload.data.balanceUpdated).toMatchObject({ balance: 150, delta: 50 });
    } finally {
      renewed.close();
    }
  }, 20_000);

  it('graphql-ws: an operation with its own token (as GraphiQL sends it) ends at that token’s exp; the socket stays open', async () => {
    const { accountNumber, deposit } = await adaAccount();
    const { authorization } = await shortLivedToken(ada);
    const connection = await GraphQLWsConnection.open(server.wsUrl);
    try {
      const subscribe = (id: string, token: string, after?: string) =>
        connection.send({
          id,
          type: 'subscribe',
          payload: {
            query: 'subscription($n: String!, $after: String) { balanceUpdated(accountNumber: $n, after: $after) { balance position } }',
            variables: { n: accountNumber, after },
            extensions: { headers: { authorization: token } },
          },
        });
      await deposit(100);
      subscribe('g', authorization, '0');
      await connection.waitFor((message) => message.id === 'g' && message.type === 'complete');
      const [first, last] = connection.of('g');
      expect(first!.payload.data.balanceUpdated).toMatchObject({ balance: 100 });
      expect(last!.payload.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);

      await deposit(50);
      subscribe('h', (await authorizationFor(ada)).authorization, first!.payload.data.balanceUpdated.position);
      const resumed = await connection.waitFor((message) => message.id === 'h' && message.type === 'next');
      expect(resumed.payload.data.balanceUpdated).toMatchObject({ balance: 150 });
    } finally {
      connection.close();
    }
  }, 20_000);

  it('SSE: the stream ends at the token’s exp with an UNAUTHENTICATED error; a new token resumes it `after` its last position', async () => {
    const { accountNumber, deposit } = await adaAccount();
    const { authorization, expiresAt } = await shortLivedToken(ada);
    await deposit(100);
    const events: SseEvent[] = [];
    for await (const event of sseSubscription(server.url, BALANCE_UPDATED, { accountNumber, after: '0' }, undefined, { authorization })) {
      events.push(event);
    }
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);

    const [received, last, ...rest] = events;
    expect(JSON.parse(received!.data).data.balanceUpdated).toMatchObject({ balance: 100 });
    expect(last!.event).toBe('next');
    expect(JSON.parse(last!.data).errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(rest.map((event) => event.event)).toEqual(['complete']);

    await deposit(50);
    const after = JSON.parse(received!.data).data.balanceUpdated.position as string;
    const resumed = sseSubscription(server.url, BALANCE_UPDATED, { accountNumber, after }, undefined, await authorizationFor(ada));
    try {
      expect(JSON.parse((await resumed.next()).value!.data).data.balanceUpdated).toMatchObject({ balance: 150, delta: 50 });
    } finally {
      await resumed.return(undefined);
    }
  }, 20_000);
});

describe('SocketTokenExpiry', () => {
  /** Just what the expiry uses of a ws socket: its state, `close`, and the close event. */
  function fakeSocket() {
    const socket = Object.assign(new EventEmitter(), { OPEN: 1, readyState: 1, closedWith: undefined as number | undefined });
    return Object.assign(socket, {
      close(code: number) {
        socket.closedWith = code;
        socket.emit('close');
      },
    });
  }

  it('refuses an operation once the token has expired, even before the timer fires, and closes the socket with 4403', async () => {
    let clock = Date.now();
    const expiry = new SocketTokenExpiry(() => clock);
    const socket = fakeSocket();
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ada')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_AUTH.secret));
    expiry.watch(socket as unknown as WebSocket, `Bearer ${token}`);
    expect(expiry.expired(socket as unknown as WebSocket)).toBe(false);
    clock += 3_600_000;
    expect(expiry.expired(socket as unknown as WebSocket)).toBe(true);
    expect(socket.closedWith).toBe(4403);
  });
});
