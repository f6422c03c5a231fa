import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, freshDatabase } from './load/server-process.js';
import { quantile } from './load/stats.js';
import { type Benchmark, printTable } from './report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET_MS = 3_000;
const START_TIMEOUT_MS = 180_000;
/** A public read that goes through the schema, the access rules and the database. */
const FIRST_QUERY = '{ challenges { id } }';

interface Start {
  /** From spawning `npm start` to its "Chronicle is listening" line. */
  listeningMs: number;
  /** From spawning to the first answer without errors to a GraphQL POST. */
  firstRequestMs: number;
  /** CPU time the server's processes had used by then (npm, the shell, node), when /proc says. */
  cpuMs: number;
}

interface Case {
  name: string;
  /** What the next start of this case runs on; called once per round. */
  prepare(round: number): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>;
}

/**
 * `npm start` as a user runs it (same command, the default logging, its own process group), timed
 * from the spawn to the "listening" line and to the first successful GraphQL request, on an empty
 * PGlite data directory, on an empty PostgreSQL database, and again on each once it exists (a warm
 * start). The cases alternate within each round; medians of BENCH_COLD_START_ROUNDS (5). A bare
 * `node -e ""` in the same rounds is the baseline: the machine's own cost of starting Node.
 */
export const coldStartBenchmark: Benchmark = {
  name: 'cold-start',
  async run(ctx) {
    const rounds = Math.max(1, Number(process.env.BENCH_COLD_START_ROUNDS) || 5);
    const scratch = mkdtempSync(join(tmpdir(), 'chronicle-cold-start-'));
    const adminUrl = Object.assign(new URL(ctx.url), { pathname: '/postgres' }).toString();
    const pgliteDir = (round: number) => join(scratch, `pglite-${round}`, '.data');
    const postgresDatabase = (round: number) => `chronicle_bench_cold_${round}`;
    // DATA_DIR is set for PostgreSQL too: the development auth secret lives there, never in the repository's .data.
    const cases: Case[] = [
      {
        name: 'PGlite, empty data directory',
        prepare: async (round) => ({ env: { DATA_DIR: pgliteDir(round) }, cleanup: async () => {} }),
      },
      {
        name: 'PGlite, warm (its data directory exists)',
        prepare: async (round) => ({
          env: { DATA_DIR: pgliteDir(round) },
          cleanup: async () => rmSync(pgliteDir(round), { recursive: true }),
        }),
      },
      {
        name: 'PostgreSQL, empty database',
        prepare: async (round) => ({
          env: { DATABASE_URL: await freshDatabase(adminUrl, postgresDatabase(round)), DATA_DIR: join(scratch, `pg-${round}`) },
          cleanup: async () => {},
        }),
      },
      {
        name: 'PostgreSQL, warm (migrated database)',
        prepare: async (round) => ({
          env: {
            DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${postgresDatabase(round)}` }).toString(),
            DATA_DIR: join(scratch, `pg-${round}`),
          },
          cleanup: () => dropDatabase(adminUrl, postgresDatabase(round)),
        }),
      },
    ];

    const results = new Map<string, Start[]>(cases.map((c) => [c.name, []]));
    const baseline: number[] = [];
    const loads: number[] = [];
    try {
      for (let round = 0; round < rounds; round += 1) {
        loads.push(loadavg()[0]!);
        baseline.push(await timeNodeNoop());
        for (const c of cases) {
          const { env, cleanup } = await c.prepare(round);
          results.get(c.name)!.push(await timeStart(env));
          await cleanup();
        }
        const last = cases.map((c) => `${Math.round(results.get(c.name)!.at(-1)!.firstRequestMs)}`).join(' / ');
        console.log(
          `round ${round + 1}/${rounds}: first request ${last} ms; node -e "" ${Math.round(baseline.at(-1)!)} ms; load ${loads.at(-1)!.toFixed(1)}`,
        );
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }

    const noop = median(baseline);
    printTable(
      `npm start to its first answer (median of ${rounds} rounds; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}); target: listening ≤ ${TARGET_MS} ms`,
      ['start', 'listening ms', 'first request ms', 'p90 first ms', 'server CPU ms', 'vs node -e ""'],
      [
        ...cases.map((c) => {
          const starts = results.get(c.name)!;
          const listening = median(starts.map((s) => s.listeningMs));
          const first = median(starts.map((s) => s.firstRequestMs));
          return [
            `${c.name}${c.name.includes('empty') ? (listening <= TARGET_MS ? ' ✓' : ' ✗') : ''}`,
            listening,
            first,
            quantile(
              starts.map((s) => s.firstRequestMs),
              0.9,
            ),
            median(starts.map((s) => s.cpuMs)),
            `${(first / noop).toFixed(1)}×`,
          ];
        }),
        ['`node -e ""` (baseline)', noop, noop, quantile(baseline, 0.9), NaN, '1.0×'],
      ],
    );
  },
};

/** Spawns `npm start` with `env` over the caller's environment, times it, and stops it (SIGTERM to its group). */
async function timeStart(env: NodeJS.ProcessEnv): Promise<Start> {
  const port = await freePort();
  const { DATABASE_URL: _url, LOG_LEVEL: _level, DATA_DIR: _dir, PORT: _port, ...inherited } = process.env;
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...inherited, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  let listeningMs = NaN;
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
    if (Number.isNaN(listeningMs) && output.includes('"msg":"Chronicle is listening"')) listeningMs = performance.now() - started;
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let running = true;
  void exited.then(() => (running = false));
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (!running) throw new Error(`npm start exited before answering:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not answer within ${START_TIMEOUT_MS} ms:\n${output}`);
      if (await answers(port)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const firstRequestMs = performance.now() - started;
    return { listeningMs, firstRequestMs, cpuMs: groupCpuMs(child) };
  } finally {
    await stopGroup(child, exited);
  }
}

async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: FIRST_QUERY }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    return response.ok && body.data !== undefined && body.errors === undefined;
  } catch {
    return false;
  }
}

async function stopGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  await exited;
  // npm may exit before the server has drained; wait for the whole group to be gone.
  const deadline = Date.now() + 30_000;
  while (groupPids(child.pid!).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** User plus system CPU of every live process in the child's group, from /proc; NaN elsewhere. */
function groupCpuMs(child: ChildProcess): number {
  const ticksPerSecond = 100;
  const pids = groupPids(child.pid!);
  if (pids.length === 0) return NaN;
  let ticks = 0;
  for (const pid of pids) {
    const fields = statFields(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}

function groupPids(group: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  return entries.map(Number).filter((pid) => statFields(pid)?.[2] === String(group));
}

/** /proc/<pid>/stat after the command name: fields[0] is the state, [2] the process group, [11] utime, [12] stime. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

async function timeNodeNoop(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return performance.now() - started;
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}
