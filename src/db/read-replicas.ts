import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { createPostgresDatabase } from './postgres-database.js';

/** A location in the primary's write-ahead log, as PostgreSQL prints an LSN (`0/3000060`). */
export type WalLocation = string;

/** How often a query waiting for a replica asks it again: PostgreSQL 15 cannot be told to wait for a replay location. */
const POLL_MS = 10;

/**
 * Where the primary has inserted its write-ahead log up to. Every transaction that committed
 * before this call has its commit record at or below it, so a replica that has replayed this far
 * shows all of them (the insert location, not the write location: with `synchronous_commit=off`
 * a commit may be visible before its record is written out).
 */
export async function primaryWalLocation(primary: Kysely<any>): Promise<WalLocation> {
  const { rows } = await sql<{ location: string }>`select pg_current_wal_insert_lsn()::text as location`.execute(primary);
  return rows[0]!.location;
}

/**
 * The streaming replicas of the primary (`DATABASE_READ_URLS`) that answer queries. Nothing is
 * ever written through them; a replica that cannot be asked counts as one that is behind.
 */
export class ReadReplicas {
  private turn = 0;

  constructor(
    private readonly replicas: readonly Database[],
    private readonly waitMs: number,
  ) {
    if (replicas.length === 0) throw new Error('ReadReplicas needs at least one replica');
  }

  static open(urls: readonly string[], { poolSize, waitMs }: { poolSize: number; waitMs: number }): ReadReplicas {
    return new ReadReplicas(
      urls.map((connectionString) => createPostgresDatabase({ connectionString, poolSize })),
      waitMs,
    );
  }

  /** The next replica in turn, however far behind it is: a read that asked for no position. */
  any(): Database {
    const replica = this.replicas[this.turn % this.replicas.length]!;
    this.turn = (this.turn + 1) % this.replicas.length;
    return replica;
  }

  /**
   * A replica that has replayed the primary's log up to `location`, the first in turn that has;
   * while none has, asks again until `waitMs` has passed, then answers undefined (the primary's turn).
   */
  async replayed(location: WalLocation): Promise<Database | undefined> {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const first = this.turn;
      for (let offset = 0; offset < this.replicas.length; offset++) {
        const replica = this.replicas[(first + offset) % this.replicas.length]!;
        if (await hasReplayed(replica, location)) {
          this.turn = (first + offset + 1) % this.replicas.length;
          return replica;
        }
      }
      if (Date.now() + POLL_MS > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.close()));
  }
}

/** Null on a server that is not replaying (a primary listed by mistake): never counted as caught up. */
async function hasReplayed(replica: Database, location: WalLocation): Promise<boolean> {
  try {
    const { rows } = await sql<{ replayed: boolean | null }>`select pg_last_wal_replay_lsn() >= ${location}::pg_lsn as replayed`.execute(
      replica.db,
    );
    return rows[0]?.replayed === true;
  } catch {
    return false;
  }
}
