import { createChronicle } from './app/create-chronicle.js';
import { loadConfig } from './config.js';
import { createChronicleServer } from './server/create-server.js';
import { shutdownOnSignals } from './server/shutdown-on-signals.js';

/** `npm start`: PostgreSQL at DATABASE_URL, or PGlite under DATA_DIR; GraphQL and GraphiQL on PORT. */
const config = loadConfig(process.env);
const app = await createChronicle(config);
const server = createChronicleServer(app, { heapEndpoint: config.debugHeapEndpoint });
shutdownOnSignals(() => server.drain(), app.logger);

const base = await server.listen(config.port, config.host);
const graphql = new URL('/graphql', base);
app.logger.info(
  { url: graphql.href, database: config.databaseUrl ? 'postgres' : `pglite (${config.dataDir})` },
  'Chronicle is listening',
);
console.log(`GraphiQL: ${graphql.href}`);
