/**
 * One database session holding named locks (PostgreSQL session advisory locks): a lock is held
 * as long as the session lives, and released by the server the moment the session ends, however
 * it ends (a clean close, a killed process, a lost connection).
 */
export interface LockSession {
  /** Takes the lock named `name` if no other session holds it; true when this session holds it now. */
  tryLock(name: string): Promise<boolean>;
  /** Releases a lock this session holds, for another session to take. */
  unlock(name: string): Promise<void>;
  /**
   * Marks this session present in `fleet` (the instances running the same runtimes) for as long as
   * it lives, leaving the fleet it joined before, if any.
   */
  join(fleet: string): Promise<void>;
  /**
   * One consistent look at the locks: who is present in `fleet`, and who holds each of `names`.
   * A round trip on the session too: it fails when the session, and with it every lock, is gone.
   */
  survey(fleet: string, names: readonly string[]): Promise<LockSurvey>;
  /** Called once if the connection is lost: the locks are gone (the server released them). */
  onLost(listener: (error: unknown) => void): void;
  /** Ends the session, releasing its locks. */
  close(): Promise<void>;
}

export interface LockSurvey {
  /** This session's id among `peers` and `holders`. */
  self: string;
  /** The sessions present in the fleet, this one included. */
  peers: string[];
  /** The session holding each named lock; a name missing is free. */
  holders: Map<string, string>;
}
