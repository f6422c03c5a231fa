/**
 * One database session holding named locks (PostgreSQL session advisory locks): a lock is held
 * as long as the session lives, and released by the server the moment the session ends, however
 * it ends (a clean close, a killed process, a lost connection).
 */
export interface LockSession {
  /** Takes the lock named `name` if no other session holds it; true when this session holds it now. */
  tryLock(name: string): Promise<boolean>;
  /** A round trip on the session: fails when the session, and with it every lock, is gone. */
  ping(): Promise<void>;
  /** Called once if the connection is lost: the locks are gone (the server released them). */
  onLost(listener: (error: unknown) => void): void;
  /** Ends the session, releasing its locks. */
  close(): Promise<void>;
}
