import { Repeater } from '@repeaterjs/repeater';
import { atTime } from './at-time.js';
import { endOnAbort } from './end-on-abort.js';

/**
 * `source` until the clock reaches `expiresAt` (ms since the epoch), then `last()` as its final
 * value. The timer lives as long as the stream: ending it either way clears it and ends the source.
 */
export function endAtExpiry<T>(source: AsyncIterable<T>, expiresAt: number, last: () => T): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const expiry = new AbortController();
    const cancel = atTime(expiresAt, () => expiry.abort());
    const stream = endOnAbort(source, expiry.signal);
    // A consumer that leaves ends the source now, not at the source's next value.
    void stop.then(() => stream.return?.());
    try {
      for await (const value of stream) await push(value);
      if (expiry.signal.aborted) await push(last());
      stop();
    } catch (error) {
      stop(error);
    } finally {
      cancel();
    }
  });
}
