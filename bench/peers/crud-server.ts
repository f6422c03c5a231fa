import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { jwtVerify } from 'jose';
import pg from 'pg';

/**
 * The peer a user would write instead of Chronicle: graphql-yoga over pg, a `deposit` that is one
 * `UPDATE … RETURNING` on the caller's own row, the bearer token verified as Chronicle verifies it
 * (HS256, jose). Yoga's default logging. Run as its own process, like `npm start`:
 * `DATABASE_URL=… AUTH_SECRET=… PORT=… node --import tsx bench/peers/crud-server.ts`.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 20) });
const secret = new TextEncoder().encode(process.env.AUTH_SECRET);

await pool.query(`create table if not exists crud_accounts (
  account_number text primary key,
  owner text not null,
  balance bigint not null default 0,
  version integer not null default 0
)`);

interface Context {
  subject: string | undefined;
}

const yoga = createYoga({
  schema: createSchema<Context>({
    typeDefs: `
      type Account { accountNumber: String!, balance: Int!, version: Int! }
      input OpenAccountInput { accountNumber: String! }
      input DepositInput { accountNumber: String!, amount: Int! }
      type Query { account(accountNumber: String!): Account }
      type Mutation { openAccount(input: OpenAccountInput!): Account!, deposit(input: DepositInput!): Account }
    `,
    resolvers: {
      Query: {
        account: (_root, { accountNumber }: { accountNumber: string }, { subject }) =>
          row(pool.query('select * from crud_accounts where account_number = $1 and owner = $2', [accountNumber, subject])),
      },
      Mutation: {
        openAccount: (_root, { input }: { input: { accountNumber: string } }, { subject }) =>
          row(
            pool.query(
              `insert into crud_accounts (account_number, owner) values ($1, $2)
               on conflict (account_number) do update set owner = excluded.owner returning *`,
              [input.accountNumber, subject],
            ),
          ),
        deposit: (_root, { input }: { input: { accountNumber: string; amount: number } }, { subject }) =>
          row(
            pool.query(
              `update crud_accounts set balance = balance + $1, version = version + 1
               where account_number = $2 and owner = $3 returning *`,
              [input.amount, input.accountNumber, subject],
            ),
          ),
      },
    },
  }),
  graphiql: false,
  context: async ({ request }) => {
    const token = request.headers.get('authorization')?.replace(/^Bearer /i, '');
    if (!token) return { subject: undefined };
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
    return { subject: payload.sub };
  },
});

async function row(result: Promise<pg.QueryResult>) {
  const found = (await result).rows[0];
  return found && { accountNumber: found.account_number, balance: Number(found.balance), version: found.version };
}

const server = createServer(yoga);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('crud peer listening'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
