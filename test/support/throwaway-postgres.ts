import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const BIN = process.env.CHRONICLE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why a throwaway cluster cannot be made here, or undefined when it can. */
export function throwawayPostgresUnavailable(): string | undefined {
  if (!existsSync(join(BIN, 'initdb')) || !existsSync(join(BIN, 'pg_ctl'))) return `no initdb/pg_ctl in ${BIN}`;
  if (process.getuid?.() !== 0) return 'needs root to run the cluster as the postgres OS user';
  return undefined;
}

export interface ThrowawayPostgresOptions {
  /** Where the server listens besides 127.0.0.1 (each address must exist on this machine when it starts). */
  listenAddresses?: readonly string[];
  /** Networks (CIDR) whose clients may connect without a password, besides 127.0.0.1. */
  trustedNetworks?: readonly string[];
}

export interface ThrowawayPostgres {
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: every connection is cut, the server is gone until `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its files. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of its own, on a free port with its socket under /tmp, for a test that
 * stops and starts the database: never the shared server other test runs use.
 */
export async function createThrowawayPostgres({
  listenAddresses = [],
  trustedNetworks = [],
}: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'chronicle-pg-'));
  const { uid, gid } = await postgresUser();
  await chown(dir, uid, gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const asPostgres = (command: string, args: string[]) => run('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]);
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const trusted = trustedNetworks.map((network) => `host all all ${network} trust\n`).join('');
  if (trusted) await appendFile(join(data, 'pg_hba.conf'), trusted);
  const listen = ['127.0.0.1', ...listenAddresses].join(',');
  const options = `-p ${port} -k ${dir} -c listen_addresses=${listen} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']).then(() => {});
  const stop = () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']).then(() => {});
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async destroy() {
      await stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
