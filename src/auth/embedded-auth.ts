import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { ADMIN_ROLE } from './admin-role.js';
import { type AuthConfig, authConfigured } from './auth-config.js';
import { signToken } from './sign-token.js';

/** With no auth configured: refuses in production, otherwise makes a secret for this run only. */
export function authOrEmbedded(config: AuthConfig, production: boolean): { auth: AuthConfig; embedded: boolean } {
  if (authConfigured(config)) return { auth: config, embedded: false };
  if (production) {
    throw new Error('NODE_ENV=production needs authentication configured: set AUTH_SECRET (32+ characters) or AUTH_JWKS_URL');
  }
  return { auth: { ...config, secret: randomBytes(32).toString('base64url') }, embedded: true };
}

/** Prints a user token and an admin token for the embedded secret, ready to paste into GraphiQL's headers. */
export async function announceEmbeddedTokens(auth: AuthConfig, logger: Logger): Promise<void> {
  const user = await signToken(auth, { subject: 'user', roles: [] }, { expiresIn: '30d' });
  const admin = await signToken(auth, { subject: 'admin', roles: [ADMIN_ROLE] }, { expiresIn: '30d' });
  // The log line says what happened; the tokens go to the terminal only, never into the structured log.
  logger.warn('no AUTH_SECRET or AUTH_JWKS_URL: signing with a random secret for this run (tokens die with the process)');
  console.log(
    [
      '',
      'Development tokens (valid until this process stops). Paste into GraphiQL → Headers:',
      `  user  "user":  ${JSON.stringify({ authorization: `Bearer ${user}` })}`,
      `  admin "admin": ${JSON.stringify({ authorization: `Bearer ${admin}` })}`,
      '',
    ].join('\n'),
  );
}
