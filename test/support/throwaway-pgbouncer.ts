import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, postgresUser } from './throwaway-postgres.js';

const BIN = process.env.CHRONICLE_PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';

/** Why a throwaway PgBouncer cannot be started here, or undefined when it can. */
export function throwawayPgbouncerUnavailable(): string | undefined {
  try {
    accessSync(BIN, constants.X_OK);
    return undefined;
  } catch {
    return `no pgbouncer at ${BIN} (apt-get install pgbouncer; .ci/run does)`;
  }
}

export interface ThrowawayPgbouncerOptions {
  /** Server connections per database (`default_pool_size`). */
  poolSize?: number;
  /**
   * Lend the server connection idle longest (`server_round_robin = 1`) instead of the one released
   * last: one client's transactions then move from server connection to server connection, as
   * they do on a busy pooler, instead of by chance.
   */
  roundRobin?: boolean;
}

export interface ThrowawayPgbouncer {
  /** `upstream` with its host and port replaced by PgBouncer's, for any database name. */
  urlFor(upstream: string): string;
  /** Stops PgBouncer (every client connection is cut) and deletes its files. */
  destroy(): Promise<void>;
}

/**
 * PgBouncer in transaction pooling mode on a free port of 127.0.0.1, in front of the PostgreSQL
 * server of `upstream` (every database name is passed through), with its own ini file, user list
 * and log in a temporary directory: a server connection is lent to a client for one transaction
 * only, as in a production setup that pools many clients onto few connections.
 */
export async function createThrowawayPgbouncer(
  upstream: string,
  { poolSize = 10, roundRobin = false }: ThrowawayPgbouncerOptions = {},
): Promise<ThrowawayPgbouncer> {
  const server = new URL(upstream);
  const user = decodeURIComponent(server.username || 'postgres');
  const dir = await mkdtemp(join(tmpdir(), 'chronicle-pgbouncer-'));
  const port = await freePort();
  // PgBouncer refuses to run as root: it then switches to the postgres OS user, which must own its files.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = await postgresUser();
    await chown(dir, uid, gid);
  }
  const ini = join(dir, 'pgbouncer.ini');
  await writeFile(join(dir, 'userlist.txt'), `"${user}" ""\n`);
  await writeFile(
    ini,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || '5432'}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      `server_round_robin = ${roundRobin ? 1 : 0}`,
      'max_client_conn = 1000',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      ...(asRoot ? ['user = postgres'] : []),
      '',
    ].join('\n'),
  );
  const child = spawn(BIN, [ini], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const urlFor = (database: string) => {
    const url = new URL(database);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    return url.toString();
  };
  const destroy = async () => {
    await stop(child, exited);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await answering(urlFor(upstream), child, () => stderr);
  } catch (error) {
    await destroy();
    throw error;
  }
  return { urlFor, destroy };
}

/** Waits until a query through PgBouncer is answered, failing when it exits or after 10 s. */
async function answering(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}: ${stderr()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`pgbouncer did not answer within 10 s: ${String(error)}; ${stderr()}`);
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // SIGTERM is PgBouncer's immediate shutdown.
  child.kill('SIGTERM');
  await exited;
}
