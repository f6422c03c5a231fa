import type { LockSession } from '../es/index.js';
import { fromDatabase, isConnectionFailure } from './database-unavailable.js';
import { hostOf } from './host-list.js';
import type { PrimaryLocator } from './primary-locator.js';

/**
 * A lock session opened (by `open`) on the primary the locator names, and lost as soon as that
 * host stops being the primary: locks held on a server that is no longer the primary fence
 * nothing, so the runtimes stand down and compete again on the new one. Failing to reach it
 * tells the locator, like the pool's failures.
 */
export async function openLockSessionOnPrimary(locator: PrimaryLocator, open: (url: string) => Promise<LockSession>): Promise<LockSession> {
  const url = await locator.primary();
  const session = await open(url).catch((error: unknown) => {
    if (isConnectionFailure(error)) locator.lost(url);
    return Promise.reject(fromDatabase(error));
  });
  const listeners = new Set<(error: unknown) => void>();
  let lost = false;
  const lose = (error: unknown) => {
    if (lost) return;
    lost = true;
    for (const listener of listeners) listener(error);
  };
  session.onLost(lose);
  const stopFollowing = locator.whenMoved(url, () => {
    lose(new Error(`${hostOf(url)} is no longer the primary`));
    void session.close();
  });

  // Every other call goes to the session itself: a connection it loses is reported by its own onLost.
  const onPrimary: Pick<LockSession, 'onLost' | 'close'> = {
    onLost(listener) {
      listeners.add(listener);
    },
    async close() {
      stopFollowing();
      await session.close();
    },
  };
  return Object.assign(Object.create(session) as LockSession, onPrimary);
}
