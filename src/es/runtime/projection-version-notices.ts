import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Notifications } from '../event-feed.js';

/** The channel a change to a projection's versions is announced on; the payload is the projection's name. */
export const PROJECTION_VERSIONS_CHANNEL = 'chronicle_projection_versions';

/** Tells every instance that `projection`'s versions changed (a rebuild asked for, a switch, tables dropped); in a transaction, at its commit. */
export async function announceVersionChange(db: Kysely<any>, projection: string): Promise<void> {
  await sql`select pg_notify(${PROJECTION_VERSIONS_CHANNEL}, ${projection})`.execute(db);
}

/**
 * One LISTEN per instance for every projector's version changes: a rebuild asked of any instance
 * wakes the leader at once, and a switch reaches the others at once. A notification lost (a
 * listener reconnecting, none heard at all) costs only latency: every runtime still polls.
 */
export class ProjectionVersionNotices {
  private readonly listeners = new Map<string, Set<() => void>>();
  private listening: Promise<(() => Promise<void>) | undefined> | undefined;
  private changes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly notifications: Notifications,
    private readonly logger: Logger,
  ) {}

  /** Calls `listener` on each change announced for `projection`, and after a reconnect (changes may have been missed); resolves to stop. */
  subscribe(projection: string, listener: () => void): Promise<() => Promise<void>> {
    return this.serially(async () => {
      const listeners = this.listeners.get(projection) ?? new Set();
      listeners.add(listener);
      this.listeners.set(projection, listeners);
      this.listening ??= this.listen();
      await this.listening;
      return () =>
        this.serially(async () => {
          listeners.delete(listener);
          if (listeners.size === 0) this.listeners.delete(projection);
          if (this.listeners.size > 0 || !this.listening) return;
          const unlisten = await this.listening;
          this.listening = undefined;
          await unlisten?.();
        });
    });
  }

  private listen(): Promise<(() => Promise<void>) | undefined> {
    const notify = (projection?: string) => {
      const targets = projection === undefined ? [...this.listeners.values()] : [this.listeners.get(projection) ?? []];
      for (const listeners of targets) for (const listener of listeners) listener();
    };
    return this.notifications
      .listen(PROJECTION_VERSIONS_CHANNEL, { onNotify: (projection) => notify(projection), onReconnect: () => notify() })
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'cannot listen for projection version changes; polling only');
        return undefined;
      });
  }

  private serially<T>(change: () => Promise<T>): Promise<T> {
    const next = this.changes.then(change);
    this.changes = next.catch(() => {});
    return next;
  }
}
