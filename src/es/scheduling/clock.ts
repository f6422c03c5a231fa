import { delay } from '../delay.js';

/** Where time comes from: the system's, or a test's that it advances by hand. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` of this clock's time, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: delay,
};
