import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one subscription may spend reading the log: the server gives each subscription its own, and
 * the feed pays every read of the store it makes for that subscription from it. Without one (the
 * runtimes, tests that follow the feed directly) the store is read unpaced.
 */
export interface ReplayBudget {
  /** The most events one read may return: what a paused subscriber holds in memory. */
  readonly pageSize: number;
  /**
   * One read of the store, once the subscription may replay (its actor has a replay slot free; the
   * slot stays with it until `caughtUp`), its actor's pace allows, and a read slot shared by every
   * actor is free. Undefined once the subscription has ended.
   */
  read<T extends readonly unknown[]>(read: () => Promise<T>): Promise<T | undefined>;
  /** The subscription reads from memory again (or waits for new events): its replay slot goes back. */
  caughtUp(): void;
}

const current = new AsyncLocalStorage<ReplayBudget>();

/** The budget of the subscription being served, if any. */
export function currentReplayBudget(): ReplayBudget | undefined {
  return current.getStore();
}

/** Runs `task` (and everything it starts) as work of the subscription that `budget` belongs to. */
export function withReplayBudget<T>(budget: ReplayBudget, task: () => T): T {
  return current.run(budget, task);
}

/**
 * `source` with each step run under `budget`. A subscription's source does its reading when it is
 * pulled (a Repeater starts on the first `next()`), so the budget has to be there at every pull.
 */
export function spendingFrom<T>(budget: ReplayBudget, source: AsyncIterable<T>): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => current.run(budget, () => iterator.next()),
    return: async (value?: unknown) => (await iterator.return?.(value)) ?? { done: true, value: undefined },
    throw: async (error?: unknown) => {
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
  };
}
