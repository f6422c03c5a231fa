import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RESERVED_ROLES, SYSTEM_ROLE } from '../../src/es/actor.js';
import { postGraphQL } from '../graphql/helpers/post-graphql.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_AUTH, authorizationFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { APPLY_FEE, DEPOSIT_NUMBER_ONLY, EVENT_LOG, OPEN, WITHDRAW } from './auth-operations.js';

const alice = userActor('alice');

/** A token signed with the server's real secret: only its claims are hostile. */
function signedWithTheSecret(claims: JWTPayload & { sub: string }): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(TEST_AUTH.secret!));
}

describe('reserved roles: a token cannot make its bearer the system', () => {
  let t: TestApp;
  let server: TestServer;
  const accountNumber = `RSV-${crypto.randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await createTestApp({ actor: null });
    server = await startTestServer(t);
    const asAlice = await authorizationFor(alice);
    const opened = await postGraphQL(server.url, OPEN, { input: { accountNumber, holder: 'Alice' } }, asAlice);
    expect(opened.result.data?.openAccount.__typename).toBe('Account');
    const deposited = await postGraphQL(server.url, DEPOSIT_NUMBER_ONLY, { input: { accountNumber, amount: 1_000 } }, asAlice);
    expect(deposited.result.data?.deposit.__typename).toBe('Account');
  });
  afterAll(() => server.close());

  /** What the token with `roles: ["system"]` did: withdraw from and charge a fee to Alice's account, read the event browser. */
  const attempts = () =>
    [
      (headers: Record<string, string>) => postGraphQL(server.url, WITHDRAW, { input: { accountNumber, amount: 500 } }, headers),
      (headers: Record<string, string>) => postGraphQL(server.url, APPLY_FEE, { input: { accountNumber, amount: 500 } }, headers),
      (headers: Record<string, string>) => postGraphQL(server.url, EVENT_LOG, {}, headers),
    ] as const;

  const hostile: Array<[string, { sub: string; roles: string[] }]> = [
    ...[...RESERVED_ROLES].map((role): [string, { sub: string; roles: string[] }] => [
      `roles ["${role}"]`,
      { sub: 'mallory', roles: [role] },
    ]),
    ['roles ["admin", "system"]', { sub: 'mallory', roles: ['admin', SYSTEM_ROLE] }],
    ['the subject "system:transfer-process" and no roles', { sub: 'system:transfer-process', roles: [] }],
  ];
  it.each(hostile)('a token with %s is refused with 401, and changes and reveals nothing', async (_name, claims) => {
    const authorization = `Bearer ${await signedWithTheSecret(claims)}`;
    const head = await t.app.store.head();
    for (const attempt of attempts()) {
      const { response, result } = await attempt({ authorization });
      expect(response.status).toBe(401);
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/server's own/), extensions: { code: 'UNAUTHENTICATED' } }),
      ]);
    }
    expect(await t.app.store.head()).toBe(head);
  });

  it('graphql-ws: such a token closes the connection at init (4403), before any operation', async () => {
    // Signed before the socket opens: an await between `new WebSocket` and `once('open')` can miss the event.
    const authorization = `Bearer ${await signedWithTheSecret({ sub: 'mallory', roles: [SYSTEM_ROLE] })}`;
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    const received: string[] = [];
    socket.on('message', (data) => received.push(String(data)));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } })));
    expect(await closed).toBe(4403);
    expect(received).toEqual([]);
  });
});

describe('reserved roles from an identity provider (AUTH_JWKS_URL)', () => {
  let jwks: Server;
  let privateKey: CryptoKey;
  let t: TestApp;
  let server: TestServer;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    t = await createTestApp({ actor: null, config: { auth: { jwksUrl } } });
    server = await startTestServer(t);
  });
  afterAll(async () => {
    await server.close();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
  });

  const fromTheProvider = (roles: string[]) =>
    new SignJWT({ roles })
      .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
      .setSubject('idp-user-9')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it('a role named "system" is refused like a forged one; the provider\'s other roles pass', async () => {
    const refused = await postGraphQL(server.url, EVENT_LOG, {}, { authorization: `Bearer ${await fromTheProvider([SYSTEM_ROLE])}` });
    expect(refused.response.status).toBe(401);
    expect(refused.result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/server's own/),
      extensions: { code: 'UNAUTHENTICATED' },
    });

    const admitted = await postGraphQL(server.url, EVENT_LOG, {}, { authorization: `Bearer ${await fromTheProvider(['admin'])}` });
    expect(admitted.response.status).toBe(200);
    expect(admitted.result.errors).toBeUndefined();
  });
});
