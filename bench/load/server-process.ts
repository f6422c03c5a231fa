import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';
import type { HeapReport } from '../../src/server/heap-endpoint.js';
import { parsePrometheusText, type Sample } from './prometheus-text.js';

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  base: string;
  databaseUrl: string;
  logFile: string;
  /** Memory after a forced full GC (the server runs with --expose-gc and DEBUG_HEAP_ENDPOINT=1). */
  heap(): Promise<HeapReport>;
  /**
   * Has the server write a V8 heap snapshot into `snapshotDir` and returns its path, once it is
   * complete. Only when the server was started with `snapshotDir`.
   */
  heapSnapshot(): Promise<string>;
  metrics(): Promise<Sample[]>;
  health(): Promise<{ status: string; head?: string; projections: Array<{ name: string; lag: number }> }>;
  /** SIGTERM (a graceful drain), then waits for the process to exit. */
  stop(): Promise<number | null>;
}

/** Drops and recreates `name` on the server at `adminUrl`; returns the new database's URL. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * `npm start` as its own process (so the load generator never shares its event loop), on
 * `databaseUrl`, with --expose-gc and the heap endpoint on; its logs go to `logFile`.
 */
export async function startServer(
  databaseUrl: string,
  logFile: string,
  {
    env = {},
    nodeArgs = [],
    snapshotDir,
  }: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] /** Enables `heapSnapshot()`. */; snapshotDir?: string } = {},
): Promise<ServerProcess> {
  const snapshotArgs = snapshotDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : [];
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', ...snapshotArgs, ...nodeArgs, 'scripts/start.js'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEBUG_HEAP_ENDPOINT: '1', ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!running) throw new Error(`The server exited during start-up; see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`The server did not become healthy within 60 s; see ${logFile}`);
    const healthy = await fetch(`${base}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    base,
    databaseUrl,
    logFile,
    async heap() {
      const response = await fetch(`${base}/debug/heap`, { method: 'POST' });
      if (!response.ok) throw new Error(`POST /debug/heap answered ${response.status}`);
      const report = (await response.json()) as HeapReport;
      if (!report.collected) throw new Error('The server cannot force a GC: it must run with --expose-gc');
      return report;
    },
    async heapSnapshot() {
      if (!snapshotDir) throw new Error('The server was started without a snapshot directory');
      const snapshots = () => readdirSync(snapshotDir).filter((name) => name.endsWith('.heapsnapshot'));
      const existing = new Set(snapshots());
      child.kill('SIGUSR2');
      // V8 writes the snapshot on the server's main thread, so once the file exists, the next
      // answer from the server comes after it is complete.
      for (;;) {
        const written = snapshots().find((name) => !existing.has(name));
        // (A keep-alive connection that idled through the snapshot may be reset: ask again.)
        if (
          written &&
          (await fetch(`${base}/health`).then(
            (response) => response.ok,
            () => false,
          ))
        )
          return join(snapshotDir, written);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async metrics() {
      return parsePrometheusText(await (await fetch(`${base}/metrics`)).text());
    },
    async health() {
      return (await (await fetch(`${base}/health`)).json()) as Awaited<ReturnType<ServerProcess['health']>>;
    },
    async stop() {
      if (running) child.kill('SIGTERM');
      return exited;
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
