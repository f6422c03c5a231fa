import { setMaxListeners } from 'node:events';

/**
 * The server's state for a graceful stop: whether it still takes work, how many GraphQL
 * operations are running (queries and mutations, over HTTP or WebSocket), and the signal that
 * ends every open subscription.
 */
export class ServerLifecycle {
  private running = 0;
  private idleWaiters = new Set<() => void>();
  private readonly ending = new AbortController();
  private drainingSince: Date | undefined;

  constructor() {
    // Every open subscription listens to it (and stops listening when it ends): thousands is normal, not a leak.
    setMaxListeners(0, this.ending.signal);
  }

  /** True once a drain began: new requests, connections and operations are refused. */
  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  /** Aborts when open subscriptions must end. */
  get subscriptionsEnd(): AbortSignal {
    return this.ending.signal;
  }

  /** How many operations are executing now. */
  get inFlight(): number {
    return this.running;
  }

  beginDrain(): void {
    this.drainingSince ??= new Date();
  }

  endSubscriptions(): void {
    this.ending.abort();
  }

  /** Counts `operation` as in flight until it settles, and returns its result. */
  track<T>(operation: () => T): T {
    this.running += 1;
    let result: T;
    try {
      result = operation();
    } catch (error) {
      this.finished();
      throw error;
    }
    if (isThenable(result)) {
      return Promise.resolve(result).finally(() => this.finished()) as T;
    }
    this.finished();
    return result;
  }

  /** Resolves once no operation is in flight (at once when none is), or when `signal` aborts. */
  whenIdle(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.running > 0 && !signal?.aborted) return;
        this.idleWaiters.delete(check);
        signal?.removeEventListener('abort', check);
        resolve();
      };
      this.idleWaiters.add(check);
      signal?.addEventListener('abort', check, { once: true });
      check();
    });
  }

  private finished(): void {
    this.running -= 1;
    for (const check of [...this.idleWaiters]) check();
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
