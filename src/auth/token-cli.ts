import { parseArgs } from 'node:util';
import { loadAuthConfig } from './auth-config.js';
import { ADMIN_ROLE } from './admin-role.js';
import { signToken } from './sign-token.js';

/** `npm run token -- <subject> [--admin] [--expires 12h]`: prints a bearer token signed with AUTH_SECRET. */
try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { admin: { type: 'boolean', default: false }, expires: { type: 'string', default: '12h' } },
  });
  const [subject] = positionals;
  if (!subject || positionals.length > 1) throw new Error('Usage: npm run token -- <subject> [--admin] [--expires 12h]');
  const config = loadAuthConfig(process.env);
  if (!config.secret) {
    throw new Error("Set AUTH_SECRET to the server's secret. (A server started without one prints its own tokens at start.)");
  }
  const roles = values.admin ? [ADMIN_ROLE] : [];
  console.log(await signToken(config, { subject, roles }, { expiresIn: values.expires }));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
