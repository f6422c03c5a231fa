import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { ADMIN_ROLE } from './admin-role.js';
import { existingDevelopmentSecret } from './embedded-auth.js';
import { signToken } from './sign-token.js';

/**
 * `npm run token -- <subject> [--admin] [--expires 12h]`: prints a bearer token signed with AUTH_SECRET,
 * or, with none set outside production, with the development secret `npm start` keeps under DATA_DIR.
 */
try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { admin: { type: 'boolean', default: false }, expires: { type: 'string', default: '12h' } },
  });
  const [subject] = positionals;
  if (!subject || positionals.length > 1) throw new Error('Usage: npm run token -- <subject> [--admin] [--expires 12h]');
  const config = loadConfig(process.env);
  const secret = config.auth.secret ?? (config.production || config.auth.jwksUrl ? undefined : existingDevelopmentSecret(config.dataDir));
  if (!secret) {
    throw new Error(
      `Set AUTH_SECRET to the server's secret. (A server started without one keeps a development secret in ${config.dataDir}/ and prints its own tokens at start: start it once first.)`,
    );
  }
  const roles = values.admin ? [ADMIN_ROLE] : [];
  console.log(await signToken({ ...config.auth, secret }, { subject, roles }, { expiresIn: values.expires }));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
