import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { freePort } from '../load/server-process.js';

export interface PeerProcess {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  stop(): Promise<void>;
}

/**
 * A peer server (`bench/peers/*.ts`) as its own process, started the way `npm start` starts
 * Chronicle (`node --import tsx`), on a free port; answers once its GraphQL endpoint does.
 */
export async function startPeer(script: string, env: NodeJS.ProcessEnv, logFile: string): Promise<PeerProcess> {
  const port = await freePort();
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!running) throw new Error(`${script} exited during start-up; see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`${script} did not answer within 60 s; see ${logFile}`);
    const answered = await fetch(`${url}?query=${encodeURIComponent('{__typename}')}`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      if (running) child.kill('SIGTERM');
      await exited;
    },
  };
}
