import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import { Unauthenticated } from '../../src/auth/auth-errors.js';
import { signToken } from '../../src/auth/sign-token.js';
import { graphql } from '../gql/index.js';
import { GraphQLWsConnection } from '../graphql/helpers/graphql-ws-connection.js';
import { postGraphQL } from '../graphql/helpers/post-graphql.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_AUTH, authorizationFor, tokenFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const OPEN = graphql(`
  mutation AuthnOpen($input: OpenAccountInput!) {
    openAccount(input: $input) { __typename ... on Error { code } }
  }
`);

const ada = userActor('ada');

describe('bearer tokens over HTTP', () => {
  let t: TestApp;
  let server: TestServer;
  beforeAll(async () => {
    t = await createTestApp({ actor: null });
    server = await startTestServer(t);
  });
  afterAll(() => server.close());

  const open = (headers: Record<string, string>) =>
    postGraphQL(server.url, OPEN, { input: { accountNumber: `AUTHN-${crypto.randomUUID().slice(0, 8)}`, holder: 'Ada' } }, headers);

  it('a valid token makes its subject the actor of the events', async () => {
    const accountNumber = `AUTHN-${crypto.randomUUID().slice(0, 8)}`;
    const { result } = await postGraphQL(server.url, OPEN, { input: { accountNumber, holder: 'Ada' } }, await authorizationFor(ada));
    expect(result.data?.openAccount.__typename).toBe('Account');
    const [opened] = await t.app.store.readStream(`account-${accountNumber}`);
    expect(opened!.metadata).toMatchObject({ actor: 'ada', actorRoles: [] });
  });

  it.each([
    ['an expired token', async () => `Bearer ${await tokenFor(ada, { expiresIn: '-1m' })}`, /expired/],
    ['a token signed with another secret', async () => `Bearer ${await signToken({ secret: 'x'.repeat(40) }, ada)}`, /signature/],
    ['a token that is no JWT', async () => 'Bearer not-a-token', /refused/],
    ['another scheme', async () => `Basic ${Buffer.from('ada:pw').toString('base64')}`, /Bearer/],
  ])('%s is refused with 401 and nothing changes', async (_name, authorization, reason) => {
    const head = await t.app.store.head();
    const { response, result } = await open({ authorization: await authorization() });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(result.errors?.[0]?.message).toMatch(reason);
    expect(await t.app.store.head()).toBe(head);
  });

  it('without a token, a mutation is answered UNAUTHENTICATED and changes nothing', async () => {
    const head = await t.app.store.head();
    const { response, result } = await open({});
    expect(response.status).toBe(200);
    expect(result.data?.openAccount).toEqual({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
    expect(await t.app.store.head()).toBe(head);
  });

  it('graphql-ws: the token in the connection params authenticates every operation of the connection', async () => {
    const connection = await GraphQLWsConnection.open(server.wsUrl, await authorizationFor(ada));
    try {
      const accountNumber = `AUTHN-${crypto.randomUUID().slice(0, 8)}`;
      connection.subscribe('m', OPEN, { input: { accountNumber, holder: 'Ada' } });
      const next = await connection.waitFor((message) => message.id === 'm' && message.type === 'next');
      expect(next.payload.data.openAccount.__typename).toBe('Account');
      const [opened] = await t.app.store.readStream(`account-${accountNumber}`);
      expect(opened!.metadata.actor).toBe('ada');
    } finally {
      connection.close();
    }
  });

  it('graphql-ws: a refused token closes the connection at init (4403) before any operation', async () => {
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    const received: string[] = [];
    socket.on('message', (data) => received.push(String(data)));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer forged' } })));
    expect(await closed).toBe(4403);
    expect(received).toEqual([]);
  });

  it('graphql-ws: an operation may carry its own token in extensions.headers, as GraphiQL sends it', async () => {
    const connection = await GraphQLWsConnection.open(server.wsUrl);
    try {
      const accountNumber = `AUTHN-${crypto.randomUUID().slice(0, 8)}`;
      const { authorization } = await authorizationFor(ada);
      connection.send({
        id: 'g',
        type: 'subscribe',
        payload: {
          query: 'mutation($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }',
          variables: { input: { accountNumber, holder: 'Ada' } },
          extensions: { headers: { Authorization: authorization } },
        },
      });
      const next = await connection.waitFor((message) => message.id === 'g' && message.type === 'next');
      expect(next.payload.data.openAccount.__typename).toBe('Account');
      const [opened] = await t.app.store.readStream(`account-${accountNumber}`);
      expect(opened!.metadata.actor).toBe('ada');
    } finally {
      connection.close();
    }
  });
});

describe('the authenticator', () => {
  it('checks issuer and audience when they are configured', async () => {
    const config = { ...TEST_AUTH, issuer: 'https://id.chronicle.test', audience: 'chronicle' };
    const authenticator = createAuthenticator(config);
    const good = await signToken(config, { subject: 'ada', roles: ['admin'] });
    expect(await authenticator.authenticate(`Bearer ${good}`)).toEqual({ subject: 'ada', roles: ['admin'] });
    for (const other of [{ ...config, issuer: 'https://evil.test' }, { ...config, audience: 'someone-else' }, TEST_AUTH]) {
      const token = await signToken(other, { subject: 'ada', roles: [] });
      await expect(authenticator.authenticate(`Bearer ${token}`)).rejects.toBeInstanceOf(Unauthenticated);
    }
  });

  it('remembers a verified token only until it expires, and never a refused one', async () => {
    let clock = Date.now();
    const authenticator = createAuthenticator(TEST_AUTH, { now: () => clock });
    const token = await signToken(TEST_AUTH, ada, { expiresIn: '90s' });
    expect(await authenticator.authenticate(`Bearer ${token}`)).toEqual(ada);
    clock += 30_000;
    expect(await authenticator.authenticate(`Bearer ${token}`)).toEqual(ada);
    clock += 61_000;
    await expect(authenticator.authenticate(`Bearer ${token}`)).rejects.toThrow(/expired/);

    const forged = `${token.slice(0, -4)}AAAA`;
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(authenticator.authenticate(`Bearer ${forged}`)).rejects.toThrow(/signature/);
    }
  });

  it('no token: the default actor, anonymous unless one is given', async () => {
    expect(await createAuthenticator(TEST_AUTH).authenticate(undefined)).toBeUndefined();
    expect(await createAuthenticator(TEST_AUTH, { defaultActor: ada }).authenticate('')).toEqual(ada);
  });

  describe('with keys from a JWKS URL', () => {
    let jwks: Server;
    let jwksUrl: string;
    let privateKey: CryptoKey;
    beforeAll(async () => {
      const pair = await generateKeyPair('ES256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
      jwks = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    });
    afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

    const signed = (key: CryptoKey, claims: { iss?: string; aud?: string } = {}) =>
      new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'key-1' })
        .setSubject('idp-user-7')
        .setIssuer(claims.iss ?? 'https://idp.test')
        .setAudience(claims.aud ?? 'chronicle')
        .setExpirationTime('5m')
        .sign(key);

    it('accepts a token signed by a key of the set, for the configured issuer and audience', async () => {
      const authenticator = createAuthenticator({ jwksUrl, issuer: 'https://idp.test', audience: 'chronicle' });
      expect(await authenticator.authenticate(`Bearer ${await signed(privateKey)}`)).toEqual({ subject: 'idp-user-7', roles: ['admin'] });
    });

    it('refuses other keys, issuers, audiences, and HS256 tokens', async () => {
      const authenticator = createAuthenticator({ jwksUrl, issuer: 'https://idp.test', audience: 'chronicle' });
      const stranger = (await generateKeyPair('ES256')).privateKey;
      const refused = [
        await signed(stranger),
        await signed(privateKey, { iss: 'https://other.test' }),
        await signed(privateKey, { aud: 'other' }),
        await signToken({ secret: 'y'.repeat(40), issuer: 'https://idp.test', audience: 'chronicle' }, ada),
      ];
      for (const token of refused) await expect(authenticator.authenticate(`Bearer ${token}`)).rejects.toBeInstanceOf(Unauthenticated);
    });
  });
});
