import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import {
  authOrEmbedded,
  DEVELOPMENT_SECRET_FILE,
  developmentTokens,
  existingDevelopmentSecret,
  tokenAnnouncement,
} from '../../src/auth/embedded-auth.js';
import { Unauthenticated } from '../../src/auth/auth-errors.js';
import { TEST_AUTH } from '../support/test-auth.js';

const made: string[] = [];
function dataDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'chronicle-dev-secret-'));
  made.push(root);
  return join(root, '.data');
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the development secret', () => {
  it('is created under the data directory on first start, readable by its owner only, and read back by the next start', async () => {
    const dir = dataDir();
    const first = authOrEmbedded({}, false, dir);
    expect(first.embedded).toBe(true);
    expect(first.secretFile).toBe(join(dir, DEVELOPMENT_SECRET_FILE));
    expect(statSync(first.secretFile!).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(first.auth.secret!.length).toBeGreaterThanOrEqual(32);

    const tokens = await developmentTokens(first.auth);
    const second = authOrEmbedded({}, false, dir);
    expect(second.auth.secret).toBe(first.auth.secret);
    // A token printed before the restart is accepted after it.
    const user = (JSON.parse(tokens.user) as { authorization: string }).authorization;
    expect(await createAuthenticator(second.auth).authenticate(user)).toEqual({ subject: 'user', roles: [] });
    expect(existingDevelopmentSecret(dir)).toBe(first.auth.secret);
  });

  it('differs per data directory, and per run without one', () => {
    expect(authOrEmbedded({}, false, dataDir()).auth.secret).not.toBe(authOrEmbedded({}, false, dataDir()).auth.secret);
    const inMemory = authOrEmbedded({}, false);
    expect(inMemory.secretFile).toBeUndefined();
    expect(inMemory.auth.secret).not.toBe(authOrEmbedded({}, false).auth.secret);
  });

  it('is made its owner’s again when found readable by others, and refused with a way out when it is not a secret', () => {
    const dir = dataDir();
    const { secretFile } = authOrEmbedded({}, false, dir);
    chmodSync(secretFile!, 0o644);
    authOrEmbedded({}, false, dir);
    expect(statSync(secretFile!).mode & 0o777).toBe(0o600);

    writeFileSync(secretFile!, 'short\n');
    expect(() => authOrEmbedded({}, false, dir)).toThrow(/delete it to make a new one/);
  });

  it('is never made when auth is configured, nor in production', () => {
    const dir = dataDir();
    expect(authOrEmbedded(TEST_AUTH, false, dir)).toEqual({ auth: TEST_AUTH, embedded: false });
    expect(() => authOrEmbedded({}, true, dir)).toThrow(/NODE_ENV=production needs authentication configured/);
    expect(existingDevelopmentSecret(dir)).toBeUndefined();
  });
});

describe('a refused token', () => {
  it('says, in development, where a good token comes from', async () => {
    const other = await developmentTokens(authOrEmbedded({}, false, dataDir()).auth);
    const { auth } = authOrEmbedded({}, false, dataDir());
    const refusal = createAuthenticator(auth).authenticate(JSON.parse(other.user).authorization);
    await expect(refusal).rejects.toBeInstanceOf(Unauthenticated);
    await expect(refusal).rejects.toThrow(/its signature does not match\. .*npm start.* prints .*npm run token.*Clear data/);
  });

  it('carries no development hint when the secret is configured', async () => {
    const other = await developmentTokens(authOrEmbedded({}, false).auth);
    await expect(createAuthenticator(TEST_AUTH).authenticate(JSON.parse(other.user).authorization)).rejects.toThrow(
      /^The bearer token was refused: its signature does not match$/,
    );
  });
});

describe('the printed tokens', () => {
  it('are each alone on a line that parses as header JSON, its role on the line before', async () => {
    const { auth, secretFile } = authOrEmbedded({}, false, dataDir());
    const printed = tokenAnnouncement(await developmentTokens(auth), secretFile).split('\n');
    const authenticator = createAuthenticator(auth);
    for (const [role, roles] of [
      ['user', []],
      ['admin', ['admin']],
    ] as const) {
      const line = printed[printed.indexOf(`${role}:`) + 1]!;
      const header = JSON.parse(line) as Record<string, string>;
      expect(Object.keys(header)).toEqual(['authorization']);
      expect(await authenticator.authenticate(header.authorization)).toEqual({ subject: role, roles });
    }
    expect(printed.join('\n')).toContain(secretFile!);
    expect(readFileSync(secretFile!, 'utf8').trim()).toBe(auth.secret);
  });
});
