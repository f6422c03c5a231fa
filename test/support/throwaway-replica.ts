import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
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
