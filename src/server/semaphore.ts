/** At most `size` holders at once; the others wait in arrival order. */
export class Semaphore {
  private holders = 0;
  /** A Set keeps insertion order, and lets a waiter that gives up leave from the middle. */
  private readonly waiting = new Set<() => void>();

  constructor(private readonly size: number) {}

  /** Resolves with the release once a place is free, or with undefined if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<(() => void) | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    if (this.holders < this.size && this.waiting.size === 0) {
      this.holders++;
      return Promise.resolve(this.release());
    }
    return new Promise((resolve) => {
      const grant = () => {
        this.waiting.delete(grant);
        signal?.removeEventListener('abort', giveUp);
        this.holders++;
        resolve(this.release());
      };
      const giveUp = () => {
        this.waiting.delete(grant);
        resolve(undefined);
      };
      this.waiting.add(grant);
      signal?.addEventListener('abort', giveUp, { once: true });
    });
  }

  /** Nobody holds a place or waits for one. */
  get idle(): boolean {
    return this.holders === 0 && this.waiting.size === 0;
  }

  private release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders--;
      this.waiting.values().next().value?.();
    };
  }
}
