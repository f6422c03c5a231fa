import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { createChronicle } from '../src/app/create-chronicle.js';
import { signToken } from '../src/auth/sign-token.js';
import { loadConfig } from '../src/config.js';
import { createChronicleServer } from '../src/server/create-server.js';
import { startTrivialYoga } from './deposit-http.bench.js';
import { jsonClient } from './http-client.js';
import { measure, printTable, ratio, type Benchmark } from './report.js';

const CLIENTS = 32;
const WARM_UP_MS = 2_000;
const DEPOSIT = `mutation Deposit($input: DepositInput!) {
  deposit(input: $input) { __typename ... on Account { balance version } ... on Error { code } }
}`;

/**
 * Not a target: where a deposit's time goes. CPU per request of this process (server and client
 * alike) and of its PostgreSQL backends, for requests that do ever more of the deposit's path,
 * against the trivial Yoga mutation of `deposit-http`. With 32 clients the process is CPU-bound,
 * so these figures decide that benchmark's ratio.
 */
export const requestCostBenchmark: Benchmark = {
  name: 'request-cost',
  async run(ctx) {
    const auth = { secret: crypto.randomUUID() + crypto.randomUUID() };
    const app = await createChronicle(
      { ...loadConfig({}), databaseUrl: ctx.url, logLevel: 'silent', auth },
      { logger: pino({ level: 'silent' }) },
    );
    const chronicle = createChronicleServer(app, { graphiql: false });
    const url = new URL('/graphql', await chronicle.listen(0, '127.0.0.1')).href;
    const trivial = await startTrivialYoga();
    const client = jsonClient(CLIENTS, { authorization: `Bearer ${await signToken(auth, { subject: 'bench', roles: [] })}` });
    const admin = new pg.Client({ connectionString: ctx.url });
    await admin.connect();
    const actor = { subject: 'bench', roles: [] };

    try {
      const run = crypto.randomUUID().slice(0, 8);
      const accounts = Array.from({ length: CLIENTS }, (_, client) => `COST-${run}-${client}`);
      for (const accountNumber of accounts) await app.router.dispatch({ type: 'OpenAccount', accountNumber, holder: 'Bench' }, { actor });
      const post = async (target: string, query: string, variables: unknown, expect: (data: any) => unknown) => {
        const body = await client.post(target, { query, variables });
        if (!expect(body.data)) throw new Error(`unexpected answer: ${JSON.stringify(body)}`);
      };
      const deposit = (worker: number, amount: number) => ({ input: { accountNumber: accounts[worker]!, amount } });
      const kinds: Array<[string, (worker: number) => Promise<unknown>]> = [
        ['trivial yoga mutation (baseline)', () => post(trivial.url, 'mutation { deposit(amount: 1) }', {}, (data) => data?.deposit)],
        ['chronicle { __typename }', () => post(url, '{ __typename }', {}, (data) => data?.__typename)],
        ['deposit refused by validation', (w) => post(url, DEPOSIT, deposit(w, 0), (data) => data?.deposit?.code === 'VALIDATION_FAILED')],
        [
          'account read',
          (w) =>
            post(url, 'query($n: String!) { account(accountNumber: $n) { balance version } }', { n: accounts[w] }, (data) => data?.account),
        ],
        ['router only, eventual', (w) => app.router.dispatch({ type: 'Deposit', accountNumber: accounts[w]!, amount: 1 }, { actor })],
        [
          'router only, strong',
          (w) =>
            app.router.dispatch(
              { type: 'Deposit', accountNumber: accounts[w]!, amount: 1 },
              { actor, consistency: 'strong', projections: ['bank-accounts'] },
            ),
        ],
        ['deposit', (w) => post(url, DEPOSIT, deposit(w, 1), (data) => data?.deposit?.__typename === 'Account')],
      ];

      const rows: Array<Array<string | number>> = [];
      let baseline = 0;
      for (const [kind, run] of kinds) {
        const operation = async (worker: number) => void (await run(worker));
        // Warm enough for the JIT: the first kind would otherwise pay for it.
        await measure({ concurrency: CLIENTS, durationMs: Math.max(ctx.warmupMs, WARM_UP_MS), warmupMs: 0, operation });
        const backends = await backendPids(admin);
        const [cpuBefore, pgBefore] = [process.cpuUsage(), backendTicks(backends)];
        const measured = await measure({ concurrency: CLIENTS, durationMs: ctx.durationMs, warmupMs: 0, operation });
        const cpu = process.cpuUsage(cpuBefore);
        const pgTicks = backendTicks(backends) - pgBefore;
        // Includes operations that started before or ended after the window: close enough for a breakdown.
        const nodeMs = (cpu.user + cpu.system) / 1000 / measured.operations;
        const pgMs = Number.isNaN(pgTicks) ? Number.NaN : Math.max(0, pgTicks * 10) / measured.operations;
        baseline ||= nodeMs;
        rows.push([kind, measured.perSecond, nodeMs.toFixed(3), Number.isNaN(pgMs) ? '-' : pgMs.toFixed(3), ratio(nodeMs, baseline)]);
      }
      printTable(
        `CPU per request, ${CLIENTS} concurrent clients (${ctx.durationMs} ms each; node = this process, server and client)`,
        ['request', 'per second', 'node ms', 'postgres ms', 'node vs baseline'],
        rows,
      );
    } finally {
      await admin.end();
      client.close();
      await trivial.close();
      await chronicle.drain();
    }
  },
};

async function backendPids(admin: pg.Client): Promise<number[]> {
  const { rows } = await admin.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
  return rows.map((row: { pid: number }) => row.pid);
}

/**
 * CPU ticks (1/100 s) of these processes so far, from /proc: NaN where there is no /proc (or the
 * server runs elsewhere); a backend that has gone since (an idle pool connection) counts 0.
 */
function backendTicks(pids: number[]): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  return pids.reduce((sum, pid) => {
    const stat = `/proc/${pid}/stat`;
    if (!existsSync(stat)) return sum;
    const fields = readFileSync(stat, 'utf8').split(') ')[1]!.split(' ');
    return sum + Number(fields[11]) + Number(fields[12]);
  }, 0);
}
