import type { Kysely } from 'kysely';
import type { LockSession, NotificationHandler } from '../es/index.js';

export type DialectName = 'postgres' | 'pglite';

/**
 * One database behind one Kysely interface, whichever dialect runs it.
 * Tables are typed by the module that owns them (see `tables`), so the handle itself is untyped.
 */
export interface Database {
  readonly dialect: DialectName;
  /** True when several connections can run transactions at once (false for the single-connection PGlite). */
  readonly concurrent: boolean;
  readonly db: Kysely<any>;
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  /**
   * A dedicated session for locks that several processes contend for (runtime leadership).
   * Absent on PGlite: one process owns the database, so it leads everything.
   */
  openLockSession?(): Promise<LockSession>;
  /**
   * Runs `work` on a connection of its own to the session URL, which keeps its session between
   * transactions, as Kysely's migrator needs (it holds a session advisory lock around its
   * transaction); `db` may be a pooler in transaction mode. Absent on PGlite, whose `db` is one session.
   */
  onSession?<T>(work: (db: Kysely<any>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A typed view of the shared handle for a module that owns `Tables`. */
export function tables<Tables>(database: Database | Kysely<any>): Kysely<Tables> {
  return ('db' in database ? database.db : database) as Kysely<Tables>;
}
