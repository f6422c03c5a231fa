import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

/**
 * The least a Yoga mutation can do: a counter in memory, no database, no auth, Yoga's default
 * logging. Its own process: `PORT=… node --import tsx bench/peers/bare-yoga-server.ts`.
 */
let total = 0;
const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Query { total: Int! } type Mutation { deposit(amount: Int!): Int! }',
    resolvers: {
      Query: { total: () => total },
      Mutation: { deposit: (_root: unknown, { amount }: { amount: number }) => (total += amount) },
    },
  }),
  graphiql: false,
});

const server = createServer(yoga);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare yoga listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
