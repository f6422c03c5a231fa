import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { signToken } from '../../src/auth/sign-token.js';
import { balanceEventTypes } from '../../src/domains/bank/account-events.js';
import { MutationLoad } from './mutations.js';
import { histogramQuantile, sampleValue, type Sample } from './prometheus-text.js';
import { startServer, freshDatabase, type ServerProcess } from './server-process.js';
import { quantile } from './stats.js';
import { SubscriberPool } from './subscribers.js';

const env = process.env;
/** `npm run load -- --subscribers 10000 --instances 3 --duration 30`; each flag also has its LOAD_* variable. */
const { values: flags } = parseArgs({
  options: { subscribers: { type: 'string' }, instances: { type: 'string' }, duration: { type: 'string' }, clients: { type: 'string' } },
});
const DURATION_S = positive(flags.duration ?? env.LOAD_DURATION_S, 60);
const WARMUP_S = positive(env.LOAD_WARMUP_S, 10);
const CLIENTS = positive(flags.clients ?? env.LOAD_CLIENTS, 32);
const SUBSCRIBERS = positive(flags.subscribers ?? env.LOAD_SUBSCRIBERS, 1_000);
/** Server processes on the one database; mutations and subscribers are spread over them in turn. */
const INSTANCES = positive(flags.instances ?? env.LOAD_INSTANCES, 1);
const ACCOUNTS = positive(env.LOAD_ACCOUNTS, 100);
/** A directory: the server writes a heap snapshot there at each of the two heap measurements. */
const SNAPSHOT_DIR = env.LOAD_HEAP_SNAPSHOTS || undefined;
const ADMIN_URL = env.LOAD_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'chronicle_load';

/**
 * The feed keeps the last 10,000 to 15,000 events in memory for subscribers close behind; until
 * the log has grown past that, the heap grows by design. The warm-up lasts until it has, so the
 * two heap figures compare the same steady state (a leak, not a filling buffer, is what we look for).
 */
const FEED_WINDOW_EVENTS = 15_000;
const MAX_WARMUP_S = positive(env.LOAD_MAX_WARMUP_S, 240);
const TARGET_P99_MS = 100;
const TARGET_HEAP_RATIO = 1.2;

/**
 * The server verifies tokens with a secret made for this run; every client acts as one subject,
 * which opens the accounts and therefore owns them: it may withdraw, transfer from, read the
 * balance and follow `balanceUpdated`. Issuer, audience and JWKS are cleared so an inherited
 * setting cannot make the server refuse these tokens.
 */
const AUTH = { secret: randomBytes(32).toString('base64url') };
const AUTH_ENV = { AUTH_SECRET: AUTH.secret, AUTH_JWKS_URL: '', AUTH_ISSUER: '', AUTH_AUDIENCE: '' };
const LOAD_ACTOR = { subject: 'load', roles: [] };

/**
 * `npm run load`: one server process on a fresh PostgreSQL database; CLIENTS closed loops of
 * mixed mutations over keep-alive HTTP while SUBSCRIBERS graphql-ws clients follow
 * `balanceUpdated` on the accounts being mutated. A warm-up, then the measured run; before and
 * after the measured run the load stops, every subscriber is waited for until it has every event
 * of its account, and the server's heap is read after a forced GC. See docs/benchmarks.md.
 */
async function main(): Promise<number> {
  printMachine();
  const databaseUrl = await freshDatabase(ADMIN_URL, DATABASE);
  const start = (index: number) =>
    startServer(databaseUrl, join(os.tmpdir(), `chronicle-load-server${index === 0 ? '' : `-${index}`}.log`), {
      // Every subscriber acts as the one subject that owns the accounts: the per-actor cap (200) would refuse the rest.
      env: { LOG_LEVEL: env.LOAD_SERVER_LOG_LEVEL ?? 'info', SUBSCRIPTIONS_PER_ACTOR: String(SUBSCRIBERS), ...AUTH_ENV },
      // Say `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the server.
      nodeArgs: env.LOAD_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
      ...(SNAPSHOT_DIR && index === 0 ? { snapshotDir: SNAPSHOT_DIR } : {}),
    });
  // The first migrates the database; the others start on it together.
  const servers = [await start(0)];
  servers.push(...(await Promise.all(Array.from({ length: INSTANCES - 1 }, (_, index) => start(index + 1)))));
  const server = servers[0]!;
  const snapshot = async (label: string) => {
    if (SNAPSHOT_DIR) console.log(`heap snapshot ${label}: ${await server.heapSnapshot()}`);
  };
  const graphqlUrls = servers.map((each) => `${each.base}/graphql`);
  const accounts = Array.from({ length: ACCOUNTS }, (_, index) => `LOAD-${index}`);
  const token = await signToken(AUTH, LOAD_ACTOR, { expiresIn: '24h' });
  const load = new MutationLoad(graphqlUrls, accounts, CLIENTS, token);
  const subscribers = new SubscriberPool(
    graphqlUrls.map((url) => url.replace(/^http/, 'ws')),
    token,
  );
  const heaps = () => Promise.all(servers.map((each) => each.heap()));
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();

  try {
    for (const accountNumber of accounts) {
      await load.send('mutation($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }', {
        input: { accountNumber, holder: 'Load' },
      });
      await load.send('mutation($input: DepositInput!) { deposit(input: $input) { __typename } }', {
        input: { accountNumber, amount: 1_000_000_000 },
      });
    }
    const after = Number((await server.health()).head);
    const heapsAlone = await heaps();
    const connecting = performance.now();
    await subscribers.connect(SUBSCRIBERS, accounts, after);
    console.log(`${ACCOUNTS} accounts opened; ${SUBSCRIBERS} subscribers connected in ${Math.round(performance.now() - connecting)} ms`);
    const heapsIdle = await heaps();
    const idleBytesPerSubscriber = sum(heapsIdle.map((heap, index) => heap.heapUsed - heapsAlone[index]!.heapUsed)) / SUBSCRIBERS;
    const idleRssPerSubscriber = sum(heapsIdle.map((heap, index) => heap.rss - heapsAlone[index]!.rss)) / SUBSCRIBERS;

    const quiesce = async () => {
      for (const each of servers) await waitUntilCaughtUp(each);
      const expected = await balanceEventsPerAccount(db, after);
      await subscribers.waitForAll((accountNumber) => expected.get(accountNumber) ?? 0, 120_000);
    };

    console.log(`warm-up: at least ${WARMUP_S} s and ${FEED_WINDOW_EVENTS} events`);
    const warmUpStarted = performance.now();
    load.start();
    await sleep(WARMUP_S);
    while (Number((await server.health()).head) - after < FEED_WINDOW_EVENTS && performance.now() - warmUpStarted < MAX_WARMUP_S * 1000) {
      await sleep(1);
    }
    const warmUp = await load.stop();
    const warmUpSeconds = (performance.now() - warmUpStarted) / 1000;
    await quiesce();
    const heapsWarm = await heaps();
    await snapshot('after warm-up');
    const before = await server.metrics();
    const cpuBefore = await Promise.all(servers.map((each) => each.metrics()));
    const deliveredBefore = subscribers.delivered;

    console.log(`measured run: ${DURATION_S} s`);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const from = Date.now();
    subscribers.measureBetween(from, Infinity);
    load.start();
    await sleep(DURATION_S);
    const run = await load.stop();
    const to = Date.now();
    subscribers.measureBetween(from, to);
    loopDelay.disable();
    const atStop = await server.metrics();
    await quiesce();
    const heapsAfter = await heaps();
    await snapshot('after the run');
    const afterMetrics = await server.metrics();
    const cpuAfter = await Promise.all(servers.map((each) => each.metrics()));
    const deliveries = subscribers.delivered - deliveredBefore;

    const seconds = (to - from) / 1000;
    const latencies = subscribers.latenciesMs.values();
    const p50 = quantile(latencies, 0.5);
    const p99 = quantile(latencies, 0.99);
    const heapRatio = Math.max(...heapsAfter.map((heap, index) => heap.heapUsed / heapsWarm[index]!.heapUsed));
    const errors = warmUp.errors + run.errors + subscribers.errors.length;
    const serverWarnings = sum(await Promise.all(servers.map((each) => countServerWarnings(each.logFile))));
    const counter = (samples: Sample[], name: string) => sampleValue(samples, name) ?? 0;
    const delta = (name: string) => counter(afterMetrics, name) - counter(before, name);
    const ms = (seconds: number) => (seconds * 1000).toFixed(1);

    const rows: Array<[string, string]> = [
      ['mutations', `${run.completed} in ${seconds.toFixed(1)} s = ${(run.completed / seconds).toFixed(0)}/s (${describeMix(run.byKind)})`],
      [
        'mutation round trip p50 / p99',
        `${quantile(run.latenciesMs.values(), 0.5).toFixed(1)} / ${quantile(run.latenciesMs.values(), 0.99).toFixed(1)} ms`,
      ],
      ['events appended', `${delta('chronicle_log_head_position')} = ${(delta('chronicle_log_head_position') / seconds).toFixed(0)}/s`],
      ['deliveries to subscribers', `${deliveries} = ${(deliveries / seconds).toFixed(0)}/s`],
      [
        'delivery latency p50 / p99 / max',
        `${p50.toFixed(1)} / ${p99.toFixed(1)} / ${latencies.reduce((max, value) => Math.max(max, value), 0).toFixed(1)} ms (${latencies.length} samples)`,
      ],
      [
        'append latency p50 / p99 (server histogram)',
        `${ms(histogramQuantile(0.5, afterMetrics, 'chronicle_append_duration_seconds', {}, before))} / ${ms(histogramQuantile(0.99, afterMetrics, 'chronicle_append_duration_seconds', {}, before))} ms`,
      ],
      [
        'errors',
        `${errors} (mutations ${warmUp.errors + run.errors}, subscribers ${subscribers.errors.length}); server warnings/errors logged: ${serverWarnings}`,
      ],
      ...servers.map((_, index): [string, string] => [
        `server ${index + 1} heap used after warm-up / after run`,
        `${mib(heapsWarm[index]!.heapUsed)} / ${mib(heapsAfter[index]!.heapUsed)} MiB = ${(heapsAfter[index]!.heapUsed / heapsWarm[index]!.heapUsed).toFixed(2)}x (rss ${mib(heapsWarm[index]!.rss)} / ${mib(heapsAfter[index]!.rss)} MiB)`,
      ]),
      [
        'memory per idle subscriber (heap / rss)',
        `${(idleBytesPerSubscriber / 1024).toFixed(1)} / ${(idleRssPerSubscriber / 1024).toFixed(1)} KiB (connected, nothing delivered yet, after a forced GC)`,
      ],
      ['runtime lag when the load stopped (server 1)', describeLag(atStop)],
      [
        'server CPU',
        servers
          .map((_, index) => {
            const cpu = counter(cpuAfter[index]!, 'process_cpu_seconds_total') - counter(cpuBefore[index]!, 'process_cpu_seconds_total');
            return `${((cpu / seconds) * 100).toFixed(0)}%`;
          })
          .join(' + ') + ' of one core',
      ],
      ['load generator event-loop delay p99', `${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms`],
    ];
    console.log(
      `\n${CLIENTS} clients, ${SUBSCRIBERS} subscribers on ${ACCOUNTS} accounts, ${INSTANCES} instance(s), ${DURATION_S} s after a ${warmUpSeconds.toFixed(0)} s warm-up (${warmUp.completed} mutations)\n`,
    );
    for (const [label, value] of rows) console.log(`${label.padEnd(44)} ${value}`);
    for (const description of [...warmUp.firstErrors, ...run.firstErrors, ...subscribers.errors.slice(0, 5)])
      console.log(`  error: ${description}`);

    const verdicts = [
      [`delivery p99 < ${TARGET_P99_MS} ms`, p99 < TARGET_P99_MS],
      [`heap after run <= ${TARGET_HEAP_RATIO}x heap after warm-up`, heapRatio <= TARGET_HEAP_RATIO],
      ['no errors', errors === 0],
    ] as const;
    console.log('');
    for (const [target, met] of verdicts) console.log(`${met ? 'met   ' : 'MISSED'} ${target}`);
    console.log(`server logs: ${servers.map((each) => each.logFile).join(', ')}`);
    return verdicts.every(([, met]) => met) ? 0 : 1;
  } finally {
    await subscribers.close();
    load.close();
    await db.end();
    await Promise.all(servers.map((each) => each.stop()));
  }
}

/** Until every projector, handler and process manager has processed the whole log, and the log stopped growing. */
async function waitUntilCaughtUp(server: ServerProcess): Promise<void> {
  // A process manager far behind (see the lag reported at the stop) may need minutes on a busy machine.
  const deadline = Date.now() + 600_000;
  let previousHead: string | undefined;
  for (;;) {
    const health = await server.health();
    if (health.projections.every((runtime) => runtime.lag === 0) && health.head === previousHead) return;
    if (Date.now() > deadline) throw new Error(`runtimes did not catch up: ${JSON.stringify(health.projections)}`);
    previousHead = health.head;
    await sleep(0.2);
  }
}

/** How many balance events each account has after `after`: what each of its subscribers must receive. */
async function balanceEventsPerAccount(db: pg.Client, after: number): Promise<Map<string, number>> {
  const { rows } = await db.query<{ stream_id: string; count: string }>(
    `select stream_id, count(*) from events where position > $1 and type = any($2) group by stream_id`,
    [after, balanceEventTypes],
  );
  return new Map(rows.map((row) => [row.stream_id.replace(/^account-/, ''), Number(row.count)]));
}

async function countServerWarnings(logFile: string): Promise<number> {
  const lines = (await readFile(logFile, 'utf8')).split('\n');
  return lines.filter((line) => line.startsWith('{') && (JSON.parse(line) as { level: number }).level >= 40).length;
}

function describeLag(samples: Sample[]): string {
  return samples
    .filter((sample) => sample.name === 'chronicle_runtime_lag_events')
    .map((sample) => `${sample.labels.runtime} ${sample.value}`)
    .join(', ');
}

function describeMix(byKind: Record<string, number>): string {
  return Object.entries(byKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
}

function printMachine(): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Machine: ${os.cpus().length} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; Node ${process.version}`,
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

function sleep(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
