import { Repeater } from '@repeaterjs/repeater';

/**
 * `source`, ending normally (not with an error) as soon as `signal` aborts: how a draining
 * server completes open subscriptions. Ending it either way also ends the source.
 */
export function endOnAbort<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    const end = () => stop();
    signal.addEventListener('abort', end, { once: true });
    if (signal.aborted) stop();
    const stopped = stop.then(() => undefined);
    try {
      for (;;) {
        const next = iterator.next();
        // A read still pending when the stream ends settles after `return()`; nobody awaits it then.
        next.catch(() => {});
        const result = await Promise.race([next, stopped]);
        if (result === undefined || result.done) break;
        await push(result.value);
      }
      stop();
    } catch (error) {
      stop(error);
    } finally {
      signal.removeEventListener('abort', end);
      await iterator.return?.();
    }
  });
}
