import { createServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { bareYogaSchema } from './bare-yoga-schema.js';

/**
 * The bare Yoga mutation, no database, no auth, Yoga's default logging, as its own process:
 * `PORT=… node --import tsx bench/peers/bare-yoga-server.ts`.
 */
const server = createServer(createYoga({ schema: bareYogaSchema(), graphiql: false }));
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare yoga listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
