import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ADMIN_ROLE } from './admin-role.js';
import { type AuthConfig, authConfigured } from './auth-config.js';
import { signToken } from './sign-token.js';

/** The development secret's file under the data directory (DATA_DIR, `.data` by default). */
export const DEVELOPMENT_SECRET_FILE = 'dev-auth-secret';

/** What a client refused with a token signed for another secret is told to do (development only). */
export const DEVELOPMENT_TOKEN_HINT =
  'Use a token of this server: `npm start` prints a user and an admin token, `npm run token -- <subject> [--admin]` signs one; in GraphiQL, Settings → Clear data, then reload, refills every tab with the current one.';

/**
 * With no auth configured: refuses in production; otherwise signs with a development secret. Given
 * a data directory, the secret is kept there (created on first start, readable by its owner only),
 * so tokens printed before a restart keep working; without one it lives for this run only.
 */
export function authOrEmbedded(
  config: AuthConfig,
  production: boolean,
  dataDir?: string,
): { auth: AuthConfig; embedded: boolean; secretFile?: string } {
  if (authConfigured(config)) return { auth: config, embedded: false };
  if (production) {
    throw new Error('NODE_ENV=production needs authentication configured: set AUTH_SECRET (32+ characters) or AUTH_JWKS_URL');
  }
  const embedded = { ...config, refusedTokenHint: DEVELOPMENT_TOKEN_HINT };
  if (dataDir === undefined) return { auth: { ...embedded, secret: newSecret() }, embedded: true };
  const secretFile = join(dataDir, DEVELOPMENT_SECRET_FILE);
  return { auth: { ...embedded, secret: developmentSecret(secretFile) }, embedded: true, secretFile };
}

/** The development secret kept under `dataDir`, if a server started there has made one (for `npm run token`). */
export function existingDevelopmentSecret(dataDir: string): string | undefined {
  try {
    return checked(readFileSync(join(dataDir, DEVELOPMENT_SECRET_FILE), 'utf8'), join(dataDir, DEVELOPMENT_SECRET_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Reads the secret file, or creates it (exclusively: two servers starting at once agree on one secret). */
function developmentSecret(file: string): string {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${newSecret()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A copy or an unpacked archive may have widened it: a secret stays its owner's.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return checked(readFileSync(file, 'utf8'), file);
}

function checked(content: string, file: string): string {
  const secret = content.trim();
  if (secret.length < 32) throw new Error(`${file} does not hold a development secret of 32+ characters: delete it to make a new one`);
  return secret;
}

export interface DevelopmentTokens {
  /** `{"authorization":"Bearer …"}`: the JSON GraphiQL's Headers take. */
  user: string;
  admin: string;
}

/** A user token and an admin token signed with the development secret, as header JSON. */
export async function developmentTokens(auth: AuthConfig): Promise<DevelopmentTokens> {
  const user = await signToken(auth, { subject: 'user', roles: [] }, { expiresIn: '30d' });
  const admin = await signToken(auth, { subject: 'admin', roles: [ADMIN_ROLE] }, { expiresIn: '30d' });
  return { user: headerJson(user), admin: headerJson(admin) };
}

function headerJson(token: string): string {
  return JSON.stringify({ authorization: `Bearer ${token}` });
}

/**
 * What `npm start` prints about the development tokens: each token's header JSON alone on its line,
 * so copying the line gives valid JSON, its role named on the line before.
 */
export function tokenAnnouncement(tokens: DevelopmentTokens, secretFile: string | undefined): string {
  return [
    '',
    secretFile
      ? `Development tokens, valid for 30 days and across restarts (signed with the secret in ${secretFile}).`
      : 'Development tokens, valid until this process stops.',
    'GraphiQL already sends the user token. For another client, or the admin token, paste a line into Headers:',
    '',
    'user:',
    tokens.user,
    '',
    'admin:',
    tokens.admin,
    '',
  ].join('\n');
}

/** Prints the development tokens to the terminal, never into the structured log. */
export function announceEmbeddedTokens(tokens: DevelopmentTokens, secretFile: string | undefined, logger: Logger): void {
  logger.warn(
    { secretFile },
    secretFile
      ? 'no AUTH_SECRET or AUTH_JWKS_URL: signing with the development secret kept in the data directory'
      : 'no AUTH_SECRET or AUTH_JWKS_URL: signing with a random secret for this run (tokens die with the process)',
  );
  console.log(tokenAnnouncement(tokens, secretFile));
}
