import os from 'node:os';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import { migrationsOf } from '../src/app/domain-module.js';
import { domains } from '../src/app/domains.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createPostgresDatabase } from '../src/db/postgres-database.js';
import { appendBenchmark } from './append.bench.js';
import { appendAnatomyBenchmark } from './append-anatomy.bench.js';
import { asShippedBenchmark } from './as-shipped.bench.js';
import { coldLoadBenchmark } from './cold-load.bench.js';
import { coldStartBenchmark } from './cold-start.bench.js';
import { depositHttpBenchmark } from './deposit-http.bench.js';
import { headCeilingBenchmark } from './head-ceiling.bench.js';
import { logGrowthBenchmark } from './log-growth.bench.js';
import { rebuildBenchmark } from './rebuild.bench.js';
import { replicasBenchmark } from './replicas.bench.js';
import { requestCostBenchmark } from './request-cost.bench.js';
import type { BenchContext, Benchmark } from './report.js';

export type { BenchContext, Benchmark } from './report.js';

/**
 * Every benchmark, in the order they run. Add one by writing `bench/<name>.bench.ts` exporting a
 * `Benchmark` and listing it here; each compares itself with a baseline measured in the same run.
 */
export const benchmarks: Benchmark[] = [
  appendBenchmark,
  asShippedBenchmark,
  depositHttpBenchmark,
  requestCostBenchmark,
  coldLoadBenchmark,
  coldStartBenchmark,
  rebuildBenchmark,
  logGrowthBenchmark,
  replicasBenchmark,
  headCeilingBenchmark,
  appendAnatomyBenchmark,
];

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = 'chronicle_bench';

/**
 * `npm run bench [-- name...]`: runs the benchmarks (all, or those named) against DATABASE_URL,
 * or else against a throwaway `chronicle_bench` database it drops and recreates.
 * BENCH_DURATION_MS and BENCH_WARMUP_MS change how long each measurement runs (3000 / 500).
 */
async function main(argv: string[]): Promise<void> {
  const selected = argv.length === 0 ? benchmarks : benchmarks.filter((benchmark) => argv.includes(benchmark.name));
  if (selected.length === 0) throw new Error(`No benchmark named ${argv.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`);

  const url = process.env.DATABASE_URL || (await recreateBenchDatabase());
  const pools: Database[] = [];
  const ctx: BenchContext = {
    url,
    database(poolSize) {
      const database = createPostgresDatabase({ connectionString: url, poolSize });
      pools.push(database);
      return database;
    },
    durationMs: positive(process.env.BENCH_DURATION_MS, 3_000),
    warmupMs: positive(process.env.BENCH_WARMUP_MS, 500),
  };

  try {
    await migrateToLatest(ctx.database(1), migrationsOf(domains));
    await printMachine(url);
    for (const benchmark of selected) {
      console.log(`\n== ${benchmark.name} ==`);
      await benchmark.run(ctx);
    }
  } finally {
    await Promise.all(pools.map((database) => database.close()));
  }
}

async function recreateBenchDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

async function printMachine(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ version: string; synchronous_commit: string }>(
    `select version(), current_setting('synchronous_commit') as synchronous_commit`,
  );
  await client.end();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Machine: ${os.cpus().length} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.platform()} ${os.release()}`,
  );
  console.log(`Node ${process.version}; ${rows[0]!.version}; synchronous_commit=${rows[0]!.synchronous_commit}`);
  console.log(`Database: ${url.replace(/\/\/[^@]*@/, '//')}`);
}

function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
