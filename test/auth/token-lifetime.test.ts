import { type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuthConfig } from '../../src/auth/auth-config.js';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import { signToken } from '../../src/auth/sign-token.js';
import { postGraphQL } from '../graphql/helpers/post-graphql.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_AUTH, tokenFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { OPEN } from './auth-operations.js';

const ada = userActor('ada');
const DAY = 24 * 60 * 60;
const now = () => Math.floor(Date.now() / 1_000);

/** Signed with the server's secret, with exactly the time claims given. */
function signed(times: Pick<JWTPayload, 'iat' | 'exp'>): Promise<string> {
  return new SignJWT({ sub: 'ada', roles: [], ...times })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(TEST_AUTH.secret!));
}

describe('token lifetime in production (NODE_ENV=production)', () => {
  let t: TestApp;
  let server: TestServer;
  beforeAll(async () => {
    t = await createTestApp({ actor: null, config: { auth: loadAuthConfig({ NODE_ENV: 'production', AUTH_SECRET: TEST_AUTH.secret }) } });
    server = await startTestServer(t);
  });
  afterAll(() => server.close());

  const open = (token: string) =>
    postGraphQL(
      server.url,
      OPEN,
      { input: { accountNumber: `LIFE-${crypto.randomUUID().slice(0, 8)}`, holder: 'Ada' } },
      { authorization: `Bearer ${token}` },
    );

  it.each([
    ['without exp', () => signed({ iat: now() }), /no expiry/],
    ['without exp or iat', () => signed({}), /no expiry/],
    ['valid for ten years', () => signed({ iat: now(), exp: now() + 3650 * DAY }), /longer than/],
    ['valid for ten years, without iat', () => signed({ exp: now() + 3650 * DAY }), /longer than/],
    [
      'valid for ten years, with an iat in the future',
      () => signed({ iat: now() + 3650 * DAY - 60, exp: now() + 3650 * DAY }),
      /longer than/,
    ],
  ])('a token %s is refused with 401 and changes nothing', async (_name, token, reason) => {
    const head = await t.app.store.head();
    const { response, result } = await open(await token());
    expect(response.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(reason), extensions: { code: 'UNAUTHENTICATED' } });
    expect(await t.app.store.head()).toBe(head);
  });

  it('the tokens `npm run token` signs (12 h by default), as the tests do, pass', async () => {
    const { response, result } = await open(await tokenFor(ada));
    expect(response.status).toBe(200);
    expect(result.data?.openAccount.__typename).toBe('Account');
  });

  it('a day is the most by default; AUTH_MAX_TOKEN_LIFETIME_SECONDS sets another limit', async () => {
    expect(loadAuthConfig({ NODE_ENV: 'production', AUTH_SECRET: TEST_AUTH.secret })).toMatchObject({
      requireExpiry: true,
      maxTokenLifetimeSeconds: DAY,
    });
    const week = loadAuthConfig({
      NODE_ENV: 'production',
      AUTH_SECRET: TEST_AUTH.secret,
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: String(7 * DAY),
    });
    const authenticator = createAuthenticator(week);
    const sixDays = await signed({ iat: now(), exp: now() + 6 * DAY });
    expect(await authenticator.authenticate(`Bearer ${sixDays}`)).toEqual(ada);
    await expect(authenticator.authenticate(`Bearer ${await signed({ iat: now(), exp: now() + 8 * DAY })}`)).rejects.toThrow(/longer than/);
    expect(() => loadAuthConfig({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: 'forever' })).toThrow(/AUTH_MAX_TOKEN_LIFETIME_SECONDS/);
  });
});

describe('token lifetime outside production', () => {
  it('development keeps accepting a token without exp, and the 30-day tokens a server without auth prints', async () => {
    const development = loadAuthConfig({ AUTH_SECRET: TEST_AUTH.secret });
    const authenticator = createAuthenticator(development);
    expect(await authenticator.authenticate(`Bearer ${await signed({ iat: now() })}`)).toEqual(ada);
    expect(await authenticator.authenticate(`Bearer ${await signToken(development, ada, { expiresIn: '30d' })}`)).toEqual(ada);
  });
});
