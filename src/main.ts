import { createChronicle } from './app/create-chronicle.js';
import { announceEmbeddedTokens, authOrEmbedded, developmentTokens } from './auth/embedded-auth.js';
import { type Config, loadConfig } from './config.js';
import { createChronicleServer } from './server/create-server.js';
import { shutdownOnSignals } from './server/shutdown-on-signals.js';

/** `npm start`: PostgreSQL at DATABASE_URL, or PGlite under DATA_DIR; GraphQL and GraphiQL on PORT. */
const { config, embeddedAuth, secretFile } = settings();
const tokens = embeddedAuth ? await developmentTokens(config.auth) : undefined;
let restart: () => void = () => process.exit(1);
const app = await createChronicle(config, { onLogRewound: () => restart() });
// In development GraphiQL sends the user token from every tab (graphiqlOptions drops it in production).
const server = createChronicleServer(app, { heapEndpoint: config.debugHeapEndpoint, graphiql: { headers: tokens?.user } });
shutdownOnSignals(() => server.drain(), app.logger);
// Exits non-zero after draining, so a supervisor starts it again on the log as it is now.
restart = () => void server.drain().finally(() => process.exit(1));

const base = await server.listen(config.port, config.host);
const graphql = new URL('/graphql', base);
app.logger.info(
  // startupMs: from the process's start (Node's time origin) to here, what `npm run bench -- cold-start` measures from outside.
  { url: graphql.href, database: config.databaseUrl ? 'postgres' : `pglite (${config.dataDir})`, startupMs: Math.round(performance.now()) },
  'Chronicle is listening',
);
console.log(`GraphiQL: ${graphql.href}`);
if (tokens) announceEmbeddedTokens(tokens, secretFile, app.logger);

/** The configuration, or a clear message and exit code 1 when it cannot run (a bad setting, production without auth). */
function settings(): { config: Config; embeddedAuth: boolean; secretFile: string | undefined } {
  try {
    const loaded = loadConfig(process.env);
    const { auth, embedded, secretFile } = authOrEmbedded(loaded.auth, loaded.production, loaded.dataDir);
    return { config: { ...loaded, auth }, embeddedAuth: embedded, secretFile };
  } catch (error) {
    console.error(`Chronicle cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
