import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import { announceEmbeddedTokens, authOrEmbedded, developmentTokens } from '../../src/auth/embedded-auth.js';
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

/** Starts `src/main.ts` and resolves once it has printed its tokens; `stop()` sends SIGTERM and waits for the exit. */
function startMain(env: Record<string, string>): Promise<{ url: string; stdout: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { PATH: process.env.PATH!, ...env } });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`src/main.ts exited (${code}) before printing its tokens: ${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const url = /GraphiQL: (\S+)/.exec(stdout)?.[1];
      if (!url || !/^admin:\n\{.*\}$/m.test(stdout)) return;
      resolve({
        url,
        stdout,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
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

  it('elsewhere signs with a development secret and prints a user and an admin token ready for GraphiQL, never into the log', async () => {
    const { auth, embedded } = authOrEmbedded({}, false);
    expect(embedded).toBe(true);
    expect(auth.secret!.length).toBeGreaterThanOrEqual(32);

    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const logs = captureLogs();
    announceEmbeddedTokens(await developmentTokens(auth), undefined, logs.logger);

    const headers = printed
      .join('\n')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { authorization: string });
    expect(headers).toHaveLength(2);
    const authenticator = createAuthenticator(auth);
    const [user, admin] = await Promise.all(headers.map((header) => authenticator.authenticate(header.authorization)));
    expect(user).toEqual({ subject: 'user', roles: [] });
    expect(admin).toEqual({ subject: 'admin', roles: ['admin'] });
    expect(JSON.stringify(logs.lines)).not.toMatch(/Bearer|eyJ/);
  });

  it('keeps its secret in the data directory: a token printed by one start works after a restart, and GraphiQL sends it', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'chronicle-restart-')), '.data');
    try {
      const first = await startMain({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
      const lines = first.stdout.split('\n');
      const { authorization } = JSON.parse(lines[lines.indexOf('user:') + 1]!) as { authorization: string };
      const post = (url: string, query: string) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) });
      const opened = await post(first.url, 'mutation { openAccount(input: { accountNumber: "ACC-1", holder: "Ada" }) { __typename } }');
      expect(await opened.json()).toEqual({
        data: { openAccount: { __typename: 'Account' } },
        extensions: { chronicle: { position: expect.any(String) } },
      });
      await first.stop();

      const second = await startMain({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
      try {
        const answer = await post(second.url, '{ account(accountNumber: "ACC-1") { holder } }');
        expect(answer.status).toBe(200);
        expect(await answer.json()).toEqual({ data: { account: { holder: 'Ada' } } });

        const page = await (await fetch(second.url, { headers: { accept: 'text/html' } })).text();
        expect(page).toContain('mutation OpenAccount');
        // The page sends this start's user token (a new one, signed with the same secret).
        const sent = /"defaultHeaders":"(\{[^}]*\})"/.exec(page)?.[1]?.replaceAll('\\"', '"');
        const pageToken = (JSON.parse(sent!) as { authorization: string }).authorization;
        expect(
          await createAuthenticator({ secret: readFileSync(join(dataDir, 'dev-auth-secret'), 'utf8').trim() }).authenticate(pageToken),
        ).toEqual({ subject: 'user', roles: [] });
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    }
  }, 300_000);
});

describe('npm run token', () => {
  it('prints a token signed for AUTH_SECRET, with the admin role when asked', async () => {
    const { code, stdout } = await node('src/auth/token-cli.ts', ['ops-7', '--admin'], { AUTH_SECRET: TEST_AUTH.secret! });
    expect(code).toBe(0);
    expect(await createAuthenticator(TEST_AUTH).authenticate(`Bearer ${stdout.trim()}`)).toEqual({ subject: 'ops-7', roles: ['admin'] });
  }, 60_000);

  it('says how to use it when the subject is missing or no secret is set', async () => {
    expect((await node('src/auth/token-cli.ts', [], { AUTH_SECRET: TEST_AUTH.secret! })).stderr).toContain('Usage: npm run token');
    const noSecret = await node('src/auth/token-cli.ts', ['ops-7'], { DATA_DIR: join(tmpdir(), 'chronicle-never-started') });
    expect(noSecret.code).toBe(1);
    expect(noSecret.stderr).toContain('AUTH_SECRET');
  }, 60_000);

  it('without AUTH_SECRET signs with the development secret a server started on DATA_DIR keeps', async () => {
    const root = mkdtempSync(join(tmpdir(), 'chronicle-token-'));
    try {
      const { auth } = authOrEmbedded({}, false, join(root, '.data'));
      const { code, stdout } = await node('src/auth/token-cli.ts', ['alice'], { DATA_DIR: join(root, '.data') });
      expect(code).toBe(0);
      expect(await createAuthenticator(auth).authenticate(`Bearer ${stdout.trim()}`)).toEqual({ subject: 'alice', roles: [] });
      const production = await node('src/auth/token-cli.ts', ['alice'], { DATA_DIR: join(root, '.data'), NODE_ENV: 'production' });
      expect(production.code).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
