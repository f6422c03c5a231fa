import type { EventFeed, FollowOptions } from './event-feed.js';
import { currentReplayBudget } from './replay-budget.js';

export interface FollowLatestOptions<T> extends Pick<FollowOptions, 'streamId' | 'types'> {
  /** Resolves once the read side behind `read` has processed `position` (a projection's checkpoint). */
  caughtUp(position: number): Promise<void>;
  /** Reads the current value from the read side. */
  read(): Promise<T>;
  /** A value equal to the last one delivered is not delivered again. */
  equals(a: T, b: T): boolean;
  /** How many events to look at per read of the log. */
  batchSize?: number;
}

/**
 * The latest value of a read model as an async iterator: first the current value, then a new one
 * each time events of interest (`streamId`, `types`) have changed it.
 *
 * A value is computed when the consumer asks for the next one, never when an event arrives: a
 * slow consumer is queued nothing, and however many events committed since its last value, it
 * gets one, read after all of them. Bursts coalesce, and a consumer that stops reading costs a
 * cursor. `return()` ends it at once, even while it waits for the log.
 */
export function followLatest<T>(feed: EventFeed, options: FollowLatestOptions<T>): AsyncIterableIterator<T> {
  return new LatestValues(feed, options);
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

class LatestValues<T> implements AsyncIterableIterator<T> {
  private readonly ended = new AbortController();
  /** The log position the last delivered value was read after; undefined before the first. */
  private cursor: number | undefined;
  private last: { value: T } | undefined;
  /** `next()` calls run one after another, as the iterator protocol expects. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Created as the server subscribes, under the subscription's budget. */
  private readonly budget = currentReplayBudget();

  constructor(
    private readonly feed: EventFeed,
    private readonly options: FollowLatestOptions<T>,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    const result = this.queue.then(() => this.pull());
    this.queue = result.catch(() => {});
    return result;
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    this.ended.abort();
    return DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<T, undefined>> {
    this.ended.abort();
    throw error;
  }

  private async pull(): Promise<IteratorResult<T, undefined>> {
    const signal = this.ended.signal;
    try {
      for (;;) {
        const through = this.cursor === undefined ? this.feed.position : await this.nextChange(this.cursor, signal);
        if (through === undefined) return DONE;
        await untilAborted(this.options.caughtUp(through), signal);
        if (signal.aborted) return DONE;
        const value = await this.options.read();
        this.cursor = through;
        if (this.last && this.options.equals(this.last.value, value)) continue;
        this.last = { value };
        return { done: false, value };
      }
    } catch (error) {
      this.ended.abort();
      throw error;
    }
  }

  /**
   * Reads the log after `cursor` up to the feed's head, waiting for the feed while no event of
   * interest has committed; returns the position read through (undefined once ended). Only
   * whether something relevant happened matters, so the events themselves are dropped at once.
   */
  private async nextChange(cursor: number, signal: AbortSignal): Promise<number | undefined> {
    const { streamId, types, batchSize = 1_000 } = this.options;
    const filter = { ...(streamId === undefined ? {} : { streamId }), ...(types === undefined ? {} : { types }) };
    let changed = false;
    for (;;) {
      if (signal.aborted) return undefined;
      const { events, through } = await this.feed.read(cursor, batchSize, filter, this.budget);
      if (events.length > 0) changed = true;
      if (through > cursor) {
        cursor = through;
        continue;
      }
      if (changed) return cursor;
      this.cursor = cursor;
      await this.feed.waitFor(cursor + 1, signal);
    }
  }
}

/** Waits for `promise`, or only until `signal` aborts. */
async function untilAborted(promise: Promise<unknown>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  let onAbort!: () => void;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
