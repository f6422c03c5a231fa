import { existsSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { waitUntil } from '../faults/helpers/wait-until.js';
import { BIN, freePort, postgresUser, run, type ThrowawayPostgres, throwawayPostgresUnavailable } from './throwaway-postgres.js';

/** Why a streaming replica cannot be made here, or undefined when it can. */
export function throwawayReplicaUnavailable(): string | undefined {
  return throwawayPostgresUnavailable() ?? (existsSync(join(BIN, 'pg_basebackup')) ? undefined : `no pg_basebackup in ${BIN}`);
}

export interface ThrowawayReplica {
  url: string;
  /** `pg_wal_replay_pause()`, resolving once replay has stopped: the replica lags from now on. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Resolves once the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  /**
   * Makes the primary wait for this standby: `synchronous_standby_names = '*'` on the primary (set
   * after the base backup, so the standby does not inherit it and a promoted standby waits for no
   * one) and `synchronous_commit = on` for the postgres role, the throwaway cluster running with
   * it off. Resolves once the primary reports this standby as synchronous.
   */
  synchronous(): Promise<void>;
  /**
   * Stops the standby receiving the primary's WAL (an empty `primary_conninfo`): from now on
   * nothing the primary commits reaches it, what asynchronous replication loses when the primary
   * dies before shipping it, made certain. Resolves once the WAL receiver is gone.
   */
  disconnect(): Promise<void>;
  /** `pg_ctl promote`: the standby becomes a primary that takes writes; resolves once it does. */
  promote(): Promise<void>;
  /** `pg_ctl stop -m fast`: the replica is gone until `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the replica and deletes its files. */
  destroy(): Promise<void>;
}

/**
 * A hot standby of a throwaway primary, streaming its WAL: `pg_basebackup -R` (which writes
 * `primary_conninfo` and `standby.signal`) into a directory of its own, started on a free port.
 * The primary's `initdb` defaults already allow it: `wal_level=replica`, WAL senders, and trusted
 * replication connections from 127.0.0.1.
 */
export async function createThrowawayReplica(primary: ThrowawayPostgres): Promise<ThrowawayReplica> {
  const dir = await mkdtemp(join(tmpdir(), 'chronicle-replica-'));
  const { uid, gid } = await postgresUser();
  await chown(dir, uid, gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const primaryUrl = new URL(primary.url);
  const asPostgres = (command: string, args: string[]) => run('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]);
  const from = ['-h', primaryUrl.hostname, '-p', primaryUrl.port, '-U', 'postgres'];
  await asPostgres('pg_basebackup', [...from, '-D', data, ...'-R -X stream -c fast --no-sync'.split(' ')]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off`;
  const start = () => asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']).then(() => {});
  const stop = () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']).then(() => {});
  await start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  const query = async (connectionString: string, text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  const until = (condition: () => Promise<boolean>, what: string) => waitUntil(condition, { what, everyMs: 10 });

  return {
    url,
    start,
    stop,
    async pauseReplay() {
      await query(url, 'select pg_wal_replay_pause()');
      await until(
        async () => (await query(url, 'select pg_get_wal_replay_pause_state() as state'))[0].state === 'paused',
        'the replica pauses its replay',
      );
    },
    async synchronous() {
      await query(primary.url, `alter system set synchronous_standby_names = '*'`);
      await query(primary.url, 'select pg_reload_conf()');
      await query(primary.url, 'alter role postgres set synchronous_commit = on');
      await until(
        async () => (await query(primary.url, `select 1 from pg_stat_replication where sync_state = 'sync'`)).length === 1,
        'the primary counts the standby as synchronous',
      );
    },
    async disconnect() {
      await query(url, `alter system set primary_conninfo = ''`);
      await query(url, 'select pg_reload_conf()');
      await until(async () => (await query(url, 'select 1 from pg_stat_wal_receiver')).length === 0, 'the WAL receiver stops');
    },
    async promote() {
      await asPostgres('pg_ctl', ['-D', data, '-w', '-t', '30', 'promote']);
      await until(
        async () => (await query(url, 'select pg_is_in_recovery() as recovery'))[0].recovery === false,
        'the standby is promoted',
      );
    },
    async resumeReplay() {
      await query(url, 'select pg_wal_replay_resume()');
    },
    async caughtUp() {
      const [{ location }] = await query(primary.url, 'select pg_current_wal_insert_lsn()::text as location');
      await until(
        async () => (await query(url, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as replayed', [location]))[0].replayed,
        'catch up',
      );
    },
    async destroy() {
      await stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `pg_ctl stop -m immediate` without the data directory: SIGQUIT to the postmaster, whose pid the
 * server reads from its own `postmaster.pid`. Every backend exits at once, with no checkpoint and
 * nothing more sent to standbys: the primary is gone as if its machine had failed.
 */
export async function stopImmediately(cluster: ThrowawayPostgres): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  const { rows } = await client.query<{ pid: string }>(`select split_part(pg_read_file('postmaster.pid'), E'\\n', 1) as pid`);
  await client.end();
  const pid = Number(rows[0]!.pid);
  process.kill(pid, 'SIGQUIT');
  await waitUntil(async () => !(await running(pid)), { what: 'the primary exits', everyMs: 10 });
}

/** Whether `pid` is a live process (a zombie left for its parent to reap is not). */
async function running(pid: number): Promise<boolean> {
  try {
    return !/^State:\s+Z/m.test(await readFile(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
