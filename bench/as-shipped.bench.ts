import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../src/auth/sign-token.js';
import { jsonClient } from './http-client.js';
import { freshDatabase, startServer, type ServerProcess } from './load/server-process.js';
import { startPeer, type PeerProcess } from './peers/peer-process.js';
import { measure, median, printTable, ratio, type Benchmark, type Measurement } from './report.js';

const CLIENTS = 32;
const ACCOUNTS = 64;
const ROUNDS = 5;
const FIRST_WARMUP_MS = 2_000;
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const DEPOSIT = `mutation Deposit($input: DepositInput!) {
  deposit(input: $input) { __typename ... on Account { balance version } }
}`;
const CRUD_DEPOSIT = 'mutation Deposit($input: DepositInput!) { deposit(input: $input) { balance version } }';

interface Server {
  name: string;
  deposit(client: number): Promise<void>;
}

/**
 * `deposit` as shipped: every server is its own process started as a user starts it (`node
 * scripts/start.js`, compiled ahead of time, default logging to a file), 32 clients depositing
 * into 64 accounts (two each, alternately),
 * from this process over keep-alive HTTP. Against, in the same run: the CRUD server a user would
 * write instead (`bench/peers/crud-server.ts`: Yoga + pg, one `UPDATE … RETURNING`, the same token
 * check), a bare Yoga mutation with no database, and Chronicle with `LOG_LEVEL=silent` (what
 * logging at `info` costs). Then one client alone, for latency.
 */
export const asShippedBenchmark: Benchmark = {
  name: 'as-shipped',
  async run(ctx) {
    const secret = crypto.randomUUID() + crypto.randomUUID();
    const logs = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
    const token = await signToken({ secret }, { subject: 'bench', roles: [] });
    const client = jsonClient(CLIENTS, { authorization: `Bearer ${token}` });
    const run = crypto.randomUUID().slice(0, 8);
    const accounts = Array.from({ length: ACCOUNTS }, (_, index) => `SHIP-${run}-${index}`);
    const turns = new Array<number>(CLIENTS).fill(0);
    /** Client `c` deposits into accounts 2c and 2c+1 in turn: no two clients ever race one account. */
    const accountOf = (c: number) => {
      turns[c] = (turns[c] ?? 0) + 1;
      return accounts[2 * c + (turns[c]! % 2)]!;
    };

    const processes: Array<ServerProcess | PeerProcess> = [];
    try {
      const chronicle = async (name: string, database: string, env: NodeJS.ProcessEnv): Promise<Server> => {
        const server = await startServer(await freshDatabase(ADMIN_URL, database), join(logs, `${database}.log`), {
          env: { AUTH_SECRET: secret, ...env },
        });
        processes.push(server);
        const url = `${server.base}/graphql`;
        for (const accountNumber of accounts) {
          const body = await client.post(url, {
            query: 'mutation($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }',
            variables: { input: { accountNumber, holder: 'Bench' } },
          });
          if (body.data?.openAccount?.__typename !== 'Account') throw new Error(`openAccount failed: ${JSON.stringify(body)}`);
        }
        return {
          name,
          async deposit(c) {
            const body = await client.post(url, { query: DEPOSIT, variables: { input: { accountNumber: accountOf(c), amount: 1 } } });
            if (body.data?.deposit?.__typename !== 'Account') throw new Error(`${name}: deposit failed: ${JSON.stringify(body)}`);
          },
        };
      };
      const info = await chronicle('chronicle deposit (LOG_LEVEL=info, the default)', 'chronicle_bench_shipped', {});
      const silent = await chronicle('chronicle deposit, LOG_LEVEL=silent', 'chronicle_bench_silent', { LOG_LEVEL: 'silent' });

      const crudProcess = await startPeer(
        'bench/peers/crud-server.ts',
        { DATABASE_URL: ctx.url, AUTH_SECRET: secret },
        join(logs, 'crud.log'),
      );
      processes.push(crudProcess);
      for (const accountNumber of accounts) {
        await client.post(crudProcess.url, {
          query: 'mutation($input: OpenAccountInput!) { openAccount(input: $input) { balance } }',
          variables: { input: { accountNumber } },
        });
      }
      const crud: Server = {
        name: 'CRUD peer: Yoga + pg, one UPDATE … RETURNING',
        async deposit(c) {
          const body = await client.post(crudProcess.url, {
            query: CRUD_DEPOSIT,
            variables: { input: { accountNumber: accountOf(c), amount: 1 } },
          });
          if (typeof body.data?.deposit?.balance !== 'number') throw new Error(`crud deposit failed: ${JSON.stringify(body)}`);
        },
      };
      const bareProcess = await startPeer('bench/peers/bare-yoga-server.ts', {}, join(logs, 'bare.log'));
      processes.push(bareProcess);
      const bare: Server = {
        name: 'bare Yoga mutation, no database',
        async deposit() {
          const body = await client.post(bareProcess.url, { query: 'mutation { deposit(amount: 1) }' });
          if (typeof body.data?.deposit !== 'number') throw new Error(`bare deposit failed: ${JSON.stringify(body)}`);
        },
      };

      const many = await rounds([bare, crud, info, silent], CLIENTS, ctx);
      const [bareM, crudM, infoM, silentM] = many.map(median) as [Measurement, Measurement, Measurement, Measurement];
      printTable(
        `deposit over HTTP as shipped, ${CLIENTS} clients into ${ACCOUNTS} accounts (median of ${ROUNDS} alternating rounds of ${ctx.durationMs} ms); logs in ${logs}`,
        ['server', 'requests/s', 'p50 ms', 'p99 ms', 'vs CRUD', 'each round, requests/s'],
        [bare, crud, info, silent].map((server, index) => {
          const m = many[index]!.length ? median(many[index]!) : undefined;
          return [server.name, m!.perSecond, m!.p50Ms, m!.p99Ms, ratio(m!.perSecond, crudM.perSecond), perRound(many[index]!)];
        }),
      );
      const one = await rounds([crud, info], 1, ctx);
      const [crudOne, infoOne] = one.map(median) as [Measurement, Measurement];
      printTable(
        `one client alone (median of ${ROUNDS} alternating rounds)`,
        ['server', 'requests/s', 'p50 ms', 'p99 ms', 'p50 vs CRUD'],
        [
          [crud.name, crudOne.perSecond, crudOne.p50Ms, crudOne.p99Ms, '1.00'],
          [info.name, infoOne.perSecond, infoOne.p50Ms, infoOne.p99Ms, ratio(infoOne.p50Ms, crudOne.p50Ms)],
        ],
      );
      printTable(
        'targets',
        ['target', 'measured', 'met'],
        [
          [
            'deposit ≥ 1.0× the CRUD peer (32 clients)',
            ratio(infoM.perSecond, crudM.perSecond),
            mark(infoM.perSecond / crudM.perSecond >= 1),
          ],
          [
            'deposit ≥ 0.5× bare Yoga (32 clients)',
            ratio(infoM.perSecond, bareM.perSecond),
            mark(infoM.perSecond / bareM.perSecond >= 0.5),
          ],
          ['1 client: p50 ≤ 1.5× the CRUD peer’s', ratio(infoOne.p50Ms, crudOne.p50Ms), mark(infoOne.p50Ms / crudOne.p50Ms <= 1.5)],
          [
            'logging at info costs ≤ 5% of throughput',
            `${((1 - infoM.perSecond / silentM.perSecond) * 100).toFixed(1)}%`,
            mark(infoM.perSecond / silentM.perSecond >= 0.95),
          ],
        ],
      );
    } finally {
      client.close();
      await Promise.all(processes.map((process) => process.stop()));
    }
  },
};

/** Warms every server up, then measures them in alternating rounds: a machine that slows for a while slows all alike. */
async function rounds(servers: Server[], concurrency: number, ctx: { durationMs: number; warmupMs: number }): Promise<Measurement[][]> {
  for (const server of servers) {
    await measure({ concurrency, durationMs: 0, warmupMs: Math.max(ctx.warmupMs, FIRST_WARMUP_MS), operation: (c) => server.deposit(c) });
  }
  const results = servers.map((): Measurement[] => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, server] of servers.entries()) {
      results[index]!.push(
        await measure({ concurrency, durationMs: ctx.durationMs, warmupMs: ctx.warmupMs, operation: (c) => server.deposit(c) }),
      );
    }
  }
  return results;
}

function perRound(measurements: Measurement[]): string {
  return measurements.map((measurement) => Math.round(measurement.perSecond).toLocaleString('en-US')).join(' / ');
}

function mark(met: boolean): string {
  return met ? '✓' : '✗';
}
