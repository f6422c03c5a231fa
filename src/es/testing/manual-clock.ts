import type { Clock } from '../scheduling/clock.js';

/** A clock that only moves when told: tests of timers advance it instead of sleeping. */
export class ManualClock implements Clock {
  private current: number;
  private sleepers = new Set<{ until: number; wake: () => void }>();

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper = {
        until: this.current + ms,
        wake: () => {
          this.sleepers.delete(sleeper);
          signal?.removeEventListener('abort', sleeper.wake);
          resolve();
        },
      };
      this.sleepers.add(sleeper);
      signal?.addEventListener('abort', sleeper.wake, { once: true });
    });
  }

  /** Moves time forward and wakes every sleeper whose time has come. */
  advance(ms: number): void {
    this.set(new Date(this.current + ms));
  }

  set(to: Date | string): void {
    this.current = Math.max(this.current, new Date(to).getTime());
    for (const sleeper of [...this.sleepers]) if (sleeper.until <= this.current) sleeper.wake();
  }
}
