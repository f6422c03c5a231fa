import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import { announceEmbeddedTokens, authOrEmbedded } from '../../src/auth/embedded-auth.js';
import { captureLogs } from '../graphql/helpers/log-capture.js';
import { TEST_AUTH } from '../support/test-auth.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a script of the project as `npm start` / `npm run token` do, with only the given environment. */
async function node(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH!, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

afterEach(() => vi.restoreAllMocks());

describe('starting without auth configured', () => {
  it('refuses to start in production, with a clear message and a non-zero exit', async () => {
    const { code, stderr } = await node('src/main.ts', [], { NODE_ENV: 'production', PORT: '0', DATA_DIR: '/nonexistent/never-created' });
    expect(code).toBe(1);
    expect(stderr).toContain('Chronicle cannot start: NODE_ENV=production needs authentication configured');
  }, 60_000);

  it('refuses an HS256 secret too short to be safe', async () => {
    const { code, stderr } = await node('src/main.ts', [], { AUTH_SECRET: 'short', PORT: '0' });
    expect(code).toBe(1);
    expect(stderr).toContain('AUTH_SECRET must be at least 32 characters');
  }, 60_000);

  it('elsewhere signs with a random secret and prints a user and an admin token ready for GraphiQL, never into the log', async () => {
    const { auth, embedded } = authOrEmbedded({}, false);
    expect(embedded).toBe(true);
    expect(auth.secret!.length).toBeGreaterThanOrEqual(32);
    expect(authOrEmbedded({}, false).auth.secret).not.toBe(auth.secret);

    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const logs = captureLogs();
    await announceEmbeddedTokens(auth, logs.logger);

    const headers = [...printed.join('\n').matchAll(/(\{"authorization":"Bearer [^"]+"\})/g)].map((match) => JSON.parse(match[1]!));
    expect(headers).toHaveLength(2);
    const authenticator = createAuthenticator(auth);
    const [user, admin] = await Promise.all(headers.map((header) => authenticator.authenticate(header.authorization)));
    expect(user).toEqual({ subject: 'user', roles: [] });
    expect(admin).toEqual({ subject: 'admin', roles: ['admin'] });
    expect(JSON.stringify(logs.lines)).not.toMatch(/Bearer|eyJ/);
  });
});

describe('npm run token', () => {
  it('prints a token signed for AUTH_SECRET, with the admin role when asked', async () => {
    const { code, stdout } = await node('src/auth/token-cli.ts', ['ops-7', '--admin'], { AUTH_SECRET: TEST_AUTH.secret! });
    expect(code).toBe(0);
    expect(await createAuthenticator(TEST_AUTH).authenticate(`Bearer ${stdout.trim()}`)).toEqual({ subject: 'ops-7', roles: ['admin'] });
  }, 60_000);

  it('says how to use it when the subject is missing or no secret is set', async () => {
    expect((await node('src/auth/token-cli.ts', [], { AUTH_SECRET: TEST_AUTH.secret! })).stderr).toContain('Usage: npm run token');
    const noSecret = await node('src/auth/token-cli.ts', ['ops-7'], {});
    expect(noSecret.code).toBe(1);
    expect(noSecret.stderr).toContain('AUTH_SECRET');
  }, 60_000);
});
