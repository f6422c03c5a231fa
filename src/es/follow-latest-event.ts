import { Repeater } from '@repeaterjs/repeater';
import type { EventFeed, FollowOptions } from './event-feed.js';
import type { RecordedEvent } from './recorded-event.js';
import { currentReplayBudget } from './replay-budget.js';

export interface FollowLatestEventOptions<T> extends FollowOptions {
  /**
   * Turns the latest matching event of a pull into what is delivered, or skips it with
   * `undefined`. Called once per delivery, in order, so it may remember what it delivered last.
   */
  deliver: (latest: RecordedEvent) => T | undefined;
}

/**
 * Like `feed.follow`, but a burst coalesces into its latest event (see `follow-latest.ts` for the latest
 * value of a read model instead): each time the consumer is ready, everything committed
 * since the last delivery is read and only the latest matching event is delivered. The only state
 * kept per consumer is a cursor (and whatever `deliver` remembers), so a slow consumer costs the
 * server nothing while it is away, and never receives a stale backlog when it comes back.
 */
export function followLatestEvent<T>(feed: EventFeed, { deliver, ...options }: FollowLatestEventOptions<T>): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const budget = currentReplayBudget();
    const aborted = new AbortController();
    void stop.then(() => aborted.abort());
    let cursor = options.after ?? feed.position;
    try {
      while (!aborted.signal.aborted) {
        let latest: RecordedEvent | undefined;
        for (;;) {
          const { events, through } = await feed.read(cursor, 1_000, options, budget);
          for (const event of events) if (!options.filter || options.filter(event)) latest = event;
          if (through === cursor) break;
          cursor = through;
        }
        const value = latest && deliver(latest);
        // `push` settles once the consumer takes the value: until then nothing more is read.
        if (value !== undefined) await push(value);
        else await feed.waitFor(cursor + 1, aborted.signal);
      }
    } catch (error) {
      stop(error);
      return;
    }
    stop();
  });
}
