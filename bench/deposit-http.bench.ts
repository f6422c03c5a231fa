import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import pino from 'pino';
import { createChronicle } from '../src/app/create-chronicle.js';
import { signToken } from '../src/auth/sign-token.js';
import { loadConfig } from '../src/config.js';
import { createChronicleServer } from '../src/server/create-server.js';
import { jsonClient } from './http-client.js';
import { bareYogaSchema } from './peers/bare-yoga-schema.js';
import { measure, median, printTable, ratio, type Benchmark, type Measurement } from './report.js';

const CLIENTS = 32;
const TARGET = 0.5;
const ROUNDS = 5;
/** Both servers run this long before the first round: the deposit's longer path takes longer to be compiled hot. */
const FIRST_WARMUP_MS = 2_000;

const DEPOSIT = `mutation Deposit($input: DepositInput!) {
  deposit(input: $input) { __typename ... on Account { balance version } ... on Error { code } }
}`;

/**
 * `deposit` over HTTP from 32 concurrent clients, each on its own account, through the whole path
 * (Yoga, router, append, projector, strong read of the projection), against a trivial Yoga
 * mutation served the same way: node:http, same process, the same keep-alive client.
 */
export const depositHttpBenchmark: Benchmark = {
  name: 'deposit-http',
  async run(ctx) {
    const auth = { secret: crypto.randomUUID() + crypto.randomUUID() };
    const app = await createChronicle(
      { ...loadConfig({}), databaseUrl: ctx.url, logLevel: 'silent', auth },
      { logger: pino({ level: 'silent' }) },
    );
    const chronicle = createChronicleServer(app, { graphiql: false });
    const chronicleUrl = new URL('/graphql', await chronicle.listen(0, '127.0.0.1')).href;
    const trivial = await startTrivialYoga();
    // Every request carries a token, verified as in production; the trivial server ignores it.
    const token = await signToken(auth, { subject: 'bench', roles: [] });
    const client = jsonClient(CLIENTS, { authorization: `Bearer ${token}` });
    const post = (url: string, query: string, variables: unknown) => client.post(url, { query, variables });

    try {
      const run = crypto.randomUUID().slice(0, 8);
      const accounts = Array.from({ length: CLIENTS }, (_, client) => `BENCH-${run}-${client}`);
      for (const accountNumber of accounts) {
        await post(chronicleUrl, 'mutation($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }', {
          input: { accountNumber, holder: 'Bench' },
        });
      }
      const deposit = async (client: number) => {
        const body = await post(chronicleUrl, DEPOSIT, { input: { accountNumber: accounts[client]!, amount: 1 } });
        if (body.data?.deposit?.__typename !== 'Account') throw new Error(`deposit failed: ${JSON.stringify(body)}`);
      };
      const trivialMutation = async () => {
        const body = await post(trivial.url, 'mutation { deposit(amount: 1) }', {});
        if (typeof body.data?.deposit !== 'number') throw new Error(`trivial mutation failed: ${JSON.stringify(body)}`);
      };

      const baselines: Measurement[] = [];
      const deposits: Measurement[] = [];
      for (const operation of [trivialMutation, deposit]) {
        await measure({ concurrency: CLIENTS, durationMs: 0, warmupMs: Math.max(ctx.warmupMs, FIRST_WARMUP_MS), operation });
      }
      // Rounds alternate, so a machine that slows down for a while slows both alike.
      for (let round = 0; round < ROUNDS; round += 1) {
        const settings = { concurrency: CLIENTS, durationMs: ctx.durationMs, warmupMs: ctx.warmupMs };
        baselines.push(await measure({ ...settings, operation: trivialMutation }));
        deposits.push(await measure({ ...settings, operation: deposit }));
      }
      const baseline = median(baselines);
      const measured = median(deposits);
      printTable(
        `deposit over HTTP, ${CLIENTS} concurrent clients (median of ${ROUNDS} rounds of ${ctx.durationMs} ms); target ratio ≥ ${TARGET}`,
        ['server', 'requests/s', 'p50 ms', 'p99 ms', 'ratio', 'each round, requests/s'],
        [
          ['trivial yoga mutation', baseline.perSecond, baseline.p50Ms, baseline.p99Ms, '1.00', rounds(baselines)],
          [
            'chronicle deposit',
            measured.perSecond,
            measured.p50Ms,
            measured.p99Ms,
            ratio(measured.perSecond, baseline.perSecond, TARGET),
            rounds(deposits),
          ],
        ],
      );
    } finally {
      client.close();
      await trivial.close();
      await chronicle.drain();
    }
  },
};

/** Every round's throughput, so a noisy run shows as one. */
function rounds(measurements: Measurement[]): string {
  return measurements.map((measurement) => Math.round(measurement.perSecond).toLocaleString('en-US')).join(' / ');
}

/** The baseline: the least a Yoga mutation can do, a counter in memory. */
export async function startTrivialYoga(): Promise<{ url: string; close(): Promise<void> }> {
  const yoga = createYoga({
    schema: bareYogaSchema(),
    graphiql: false,
    logging: false,
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
