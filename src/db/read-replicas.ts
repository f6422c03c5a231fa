import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { createPostgresDatabase } from './postgres-database.js';

/** A location in the primary's write-ahead log, as PostgreSQL prints an LSN (`0/3000060`). */
export type WalLocation = string;

/** How often a query waiting for a replica asks it again: PostgreSQL 15 cannot be told to wait for a replay location. */
const POLL_MS = 10;
/** How often each replica is asked whether it answers at all. */
const PROBE_MS = 1_000;

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
 * ever written through them. A replica that fails to answer is left out until a probe (every
 * second) finds it answering again; with every replica out, the primary answers.
 */
export class ReadReplicas {
  private turn = 0;
  private readonly down = new Set<Database>();
  private readonly probing = new Set<Database>();
  private readonly probeTimer: NodeJS.Timeout;

  constructor(
    private readonly replicas: readonly Database[],
    private readonly waitMs: number,
    probeMs = PROBE_MS,
  ) {
    if (replicas.length === 0) throw new Error('ReadReplicas needs at least one replica');
    this.probeTimer = setInterval(() => {
      for (const replica of this.replicas) void this.probe(replica);
    }, probeMs);
    this.probeTimer.unref();
  }

  /** `reading` turns each replica into the database as the instance reads it (`readingOwnVersions`). */
  static open(
    urls: readonly string[],
    { poolSize, waitMs, reading = (replica) => replica }: { poolSize: number; waitMs: number; reading?: (replica: Database) => Database },
  ): ReadReplicas {
    return new ReadReplicas(
      urls.map((connectionString) => reading(createPostgresDatabase({ connectionString, poolSize }))),
      waitMs,
    );
  }

  /** The next replica in turn that answers, however far behind it is (a read that asked for no position); undefined when none does. */
  any(): Database | undefined {
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[this.turn]!;
      this.turn = (this.turn + 1) % this.replicas.length;
      if (!this.down.has(replica)) return replica;
    }
    return undefined;
  }

  /** Every replica that answers, starting with the next one's turn (a subscription's replay tries them in this order). */
  answering(): Database[] {
    const first = this.turn;
    this.turn = (this.turn + 1) % this.replicas.length;
    return this.replicas
      .map((_, offset) => this.replicas[(first + offset) % this.replicas.length]!)
      .filter((replica) => !this.down.has(replica));
  }

  /** `replica` failed to answer: it is left out until a probe finds it answering again. */
  failed(replica: Database): void {
    this.down.add(replica);
  }

  /**
   * A replica that has replayed the primary's log up to `location`, the first in turn that has;
   * while none has, asks again until `waitMs` has passed, then answers undefined (the primary's turn).
   */
  async replayed(location: WalLocation): Promise<Database | undefined> {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      // Every replica out: no use waiting for one to replay.
      if (this.replicas.every((replica) => this.down.has(replica))) return undefined;
      const first = this.turn;
      for (let offset = 0; offset < this.replicas.length; offset++) {
        const replica = this.replicas[(first + offset) % this.replicas.length]!;
        if (!this.down.has(replica) && (await this.hasReplayed(replica, location))) {
          this.turn = (first + offset + 1) % this.replicas.length;
          return replica;
        }
      }
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
    }
  }

  async close(): Promise<void> {
    clearInterval(this.probeTimer);
    await Promise.all(this.replicas.map((replica) => replica.close()));
  }

  /** Null on a server that is not replaying (a primary listed by mistake): never counted as caught up. */
  private async hasReplayed(replica: Database, location: WalLocation): Promise<boolean> {
    try {
      const { rows } = await sql<{ replayed: boolean | null }>`select pg_last_wal_replay_lsn() >= ${location}::pg_lsn as replayed`.execute(
        replica.db,
      );
      return rows[0]?.replayed === true;
    } catch {
      this.down.add(replica);
      return false;
    }
  }

  /** One probe at a time per replica: one that hangs is not asked again until it answers or fails. */
  private async probe(replica: Database): Promise<void> {
    if (this.probing.has(replica)) return;
    this.probing.add(replica);
    try {
      await sql`select 1`.execute(replica.db);
      this.down.delete(replica);
    } catch {
      this.down.add(replica);
    } finally {
      this.probing.delete(replica);
    }
  }
}
