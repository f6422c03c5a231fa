import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ExecutionResult } from 'graphql';
import { postGraphQL } from '../graphql/helpers/post-graphql.js';
import { TEST_ACTOR, TEST_AUTH, authorizationFor } from './test-auth.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface LogLine {
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export interface ChronicleProcess {
  readonly child: ChildProcess;
  /** The GraphQL endpoint over HTTP, e.g. http://127.0.0.1:41234/graphql. */
  readonly url: string;
  readonly wsUrl: string;
  /** Every JSON log line the process wrote so far. */
  readonly logs: LogLine[];
  /** Settles when the process exits, with its code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly alive: boolean;
  /** Bearer credentials of the test actor (an admin), for HTTP headers or graphql-ws connection params. */
  readonly authorization: { authorization: string };
  /** Sends one operation over HTTP as the test actor. */
  post<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables?: Variables,
  ): Promise<{ response: Response; result: ExecutionResult<Result> }>;
  /** Resolves with the first log line (past or future) matching `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** `kill -9`: no drain, no cleanup. */
  kill(): Promise<void>;
  /** SIGTERM, the graceful drain, and waits for the exit. */
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  env?: Record<string, string>;
  /** How long to wait for the server to listen (tsx compiles the sources on start). */
  timeoutMs?: number;
  /** A command that runs the server, e.g. `ip netns exec <namespace>` to start it in a network namespace. */
  launcher?: readonly string[];
}

/**
 * A real Chronicle server, `node --import tsx src/main.ts`, on a free port of 127.0.0.1: what an
 * operator runs, in its own process, so a test can kill it like an operator's machine would.
 */
export async function startChronicleProcess({
  databaseUrl,
  env = {},
  timeoutMs = 60_000,
  launcher = [],
}: StartOptions): Promise<ChronicleProcess> {
  const { CHRONICLE_CRASH_POINT: _inherited, ...parentEnv } = process.env;
  // A launcher that execs its command (as `ip netns exec` does) leaves the server as the child itself.
  const [command, ...args] = [...launcher, process.execPath, '--import', 'tsx', 'src/main.ts'];
  const child = spawn(command!, args, {
    cwd: root,
    env: {
      ...parentEnv,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      POLL_INTERVAL_MS: '200',
      LEADER_RETRY_MS: '250',
      AUTH_SECRET: TEST_AUTH.secret!,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const watchers = new Set<() => void>();
  let alive = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      resolve({ code, signal });
      for (const watcher of [...watchers]) watcher();
    });
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        continue;
      }
    }
    for (const watcher of [...watchers]) watcher();
  });

  const waitForLog = (predicate: (line: LogLine) => boolean, waitMs = 20_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no matching log line within ${waitMs} ms; stderr: ${stderr}`)), waitMs);
      const check = () => {
        const found = logs.find(predicate);
        if (found) finish(undefined, found);
        else if (!alive) finish(new Error(`process exited before the expected log line; stderr: ${stderr}`));
      };
      function finish(error?: Error, line?: LogLine) {
        clearTimeout(timer);
        watchers.delete(check);
        if (error) reject(error);
        else resolve(line!);
      }
      watchers.add(check);
      check();
    });

  let listening: LogLine;
  try {
    listening = await waitForLog((line) => line.msg === 'Chronicle is listening', timeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const url = String(listening.url);
  const authorization = await authorizationFor(TEST_ACTOR);
  return {
    child,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    logs,
    exited,
    get alive() {
      return alive;
    },
    authorization,
    post: (document, variables) => postGraphQL(url, document, variables, authorization),
    waitForLog,
    async kill() {
      if (alive) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (alive) child.kill('SIGTERM');
      await exited;
    },
  };
}
