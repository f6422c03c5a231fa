import type { Database } from '../src/db/database.js';

/** What `bench/run.ts` hands every benchmark: one migrated PostgreSQL database, shared by the whole run. */
export interface BenchContext {
  /** Connection string of the benchmark database. */
  readonly url: string;
  /** A new pool on the benchmark database; closed by the runner at the end. */
  database(poolSize: number): Database;
  /** How long each measurement runs, after `warmupMs` of the same work. */
  readonly durationMs: number;
  readonly warmupMs: number;
}

/** One benchmark file: `run` prints its own tables (see `printTable`) and returns its rows for a summary. */
export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<void>;
}

export interface Measurement {
  operations: number;
  elapsedMs: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Runs `operation` in `concurrency` loops, first for `warmupMs` (discarded), then for `durationMs`;
 * counts the operations that completed inside the measured window and their latencies.
 */
export async function measure(options: {
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  operation: (worker: number) => Promise<void>;
}): Promise<Measurement> {
  const { concurrency, durationMs, warmupMs, operation } = options;
  const latencies: number[] = [];
  let operations = 0;
  let measuring = false;
  let measureStart = Infinity;
  let stopAt = Infinity;
  const warmEnd = performance.now() + warmupMs;

  const loop = async (worker: number) => {
    for (;;) {
      const started = performance.now();
      if (started >= stopAt) return;
      await operation(worker);
      const ended = performance.now();
      if (measuring && started >= measureStart && ended <= stopAt) {
        operations += 1;
        latencies.push(ended - started);
      }
    }
  };

  const loops = Array.from({ length: concurrency }, (_, worker) => loop(worker));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, warmEnd - performance.now())));
  measureStart = performance.now();
  measuring = true;
  stopAt = measureStart + durationMs;
  await Promise.all(loops);
  const elapsedMs = durationMs;
  latencies.sort((a, b) => a - b);
  return {
    operations,
    elapsedMs,
    perSecond: (operations * 1000) / elapsedMs,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

/** The measurement with the median rate (its latencies come with it). */
export function median(measurements: Measurement[]): Measurement {
  const sorted = [...measurements].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/** A plain-text table, also valid Markdown, so figures can be pasted into docs/benchmarks.md. */
export function printTable(title: string, header: string[], rows: Array<Array<string | number>>): void {
  const cells = [header, ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(cells[0]!));
  console.log(`|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
  for (const row of cells.slice(1)) console.log(line(row));
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** `ratio` against a baseline, with a mark when it misses a target. */
export function ratio(value: number, baseline: number, target?: number): string {
  const r = value / baseline;
  const text = r.toFixed(2);
  if (target === undefined) return text;
  return r >= target ? `${text} ✓` : `${text} ✗ (< ${target})`;
}
