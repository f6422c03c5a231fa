/** What a handler does when an event keeps failing: retry with backoff, then dead-letter it and go on, or stop there. */
export interface ErrorPolicy {
  retries: number;
  backoffMs: number;
  onExhausted: 'dead-letter' | 'stop';
}

export const defaultErrorPolicy: ErrorPolicy = { retries: 3, backoffMs: 100, onExhausted: 'dead-letter' };

/** Gave up on an event under a `stop` policy: the runtime stays at this event until it is fixed. */
export class HandlerStoppedError extends Error {
  override readonly name = 'HandlerStoppedError';
}
