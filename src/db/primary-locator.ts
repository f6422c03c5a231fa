import pg from 'pg';
import { fromDatabase } from './database-unavailable.js';
import { hostOf, parseHostList, type TargetSessionAttrs } from './host-list.js';
import { NoPrimaryFound } from './no-primary-found.js';

export interface PrimaryLocatorOptions {
  /** `read-write`: only a server that is not in recovery and not read-only (libpq's semantics); `any`: the first that answers. */
  targetSessionAttrs: TargetSessionAttrs;
  /** How long one host may take to connect and answer the probe before the next is tried. */
  probeTimeoutMs?: number;
}

/**
 * Which of the listed hosts is the primary now. The first caller finds it (hosts tried in the
 * order listed, the first that qualifies wins) and every later one gets that answer until a
 * connection to it fails (`lost`): the next caller then looks again, so after a failover the
 * pool, the lock session and the LISTEN connection all move to the promoted standby (the last
 * two are told, `whenMoved`, even while their own connection still answers).
 * node-postgres has no multi-host support; this is libpq's `target_session_attrs` done here.
 */
export class PrimaryLocator {
  private known: string | undefined;
  private finding: Promise<string> | undefined;
  private readonly movedListeners = new Set<{ url: string; listener: () => void }>();
  private readonly targetSessionAttrs: TargetSessionAttrs;
  private readonly probeTimeoutMs: number;

  constructor(
    private readonly urls: readonly string[],
    { targetSessionAttrs, probeTimeoutMs = 5_000 }: PrimaryLocatorOptions,
  ) {
    if (urls.length === 0) throw new Error('PrimaryLocator needs at least one host');
    this.targetSessionAttrs = targetSessionAttrs;
    this.probeTimeoutMs = probeTimeoutMs;
    // One host: nothing to choose, so nothing to probe. Were it read-only, its refusals (25006) are
    // the same retryable outage as finding no primary, without a probe on every reconnection.
    if (urls.length === 1) this.known = urls[0];
  }

  /** For `connectionString`'s hosts, choosing as its `target_session_attrs` says, or else as `fallback` does. */
  static of(connectionString: string, fallback: TargetSessionAttrs): PrimaryLocator {
    const { urls, targetSessionAttrs } = parseHostList(connectionString);
    return new PrimaryLocator(urls, { targetSessionAttrs: targetSessionAttrs ?? fallback });
  }

  /** The primary's connection string; rejects with `NoPrimaryFound` (marked as the database's) while there is none. */
  primary(): Promise<string> {
    if (this.known !== undefined) return Promise.resolve(this.known);
    this.finding ??= this.find().finally(() => {
      this.finding = undefined;
    });
    return this.finding;
  }

  /**
   * A connection to `url` failed, or it refused a write as read-only: the next `primary()` looks
   * again. A report about a host that is no longer the known primary changes nothing.
   */
  lost(url: string): void {
    if (this.known === url && this.urls.length > 1) this.known = undefined;
  }

  /**
   * Calls `listener` once the primary is found on a host other than `url` (a failover); the
   * returned function stops listening. Only a move: a connection that merely failed (the same
   * primary restarting, a reset) is for its owner to notice and reopen.
   */
  whenMoved(url: string, listener: () => void): () => void {
    // Moved already, between the caller's connecting and its asking.
    if (this.known !== undefined && this.known !== url) {
      queueMicrotask(listener);
      return () => {};
    }
    const entry = { url, listener };
    this.movedListeners.add(entry);
    return () => this.movedListeners.delete(entry);
  }

  private async find(): Promise<string> {
    const reasons: unknown[] = [];
    for (const url of this.urls) {
      const reason = await this.disqualification(url);
      if (reason === undefined) {
        this.known = url;
        this.moved(url);
        return url;
      }
      reasons.push(reason);
    }
    throw fromDatabase(new NoPrimaryFound(this.urls.map(hostOf), reasons));
  }

  private moved(to: string): void {
    for (const entry of [...this.movedListeners]) {
      if (entry.url === to) continue;
      this.movedListeners.delete(entry);
      entry.listener();
    }
  }

  /** Why `url` is not a primary to use, or undefined when it is. */
  private async disqualification(url: string): Promise<unknown> {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: this.probeTimeoutMs,
      query_timeout: this.probeTimeoutMs,
      application_name: 'chronicle-primary-probe',
    });
    client.on('error', () => {});
    try {
      await client.connect();
      if (this.targetSessionAttrs === 'any') return undefined;
      const { rows } = await client.query<{ recovery: boolean; read_only: string }>(
        `select pg_is_in_recovery() as recovery, current_setting('transaction_read_only') as read_only`,
      );
      if (rows[0]!.recovery) return new Error(`${hostOf(url)} is a standby (in recovery)`);
      if (rows[0]!.read_only === 'on') return new Error(`${hostOf(url)} is read-only`);
      return undefined;
    } catch (error) {
      return fromDatabase(error);
    } finally {
      // Not awaited: ending a client whose connection failed need not settle, and the answer is in.
      void client.end().catch(() => {});
    }
  }
}
