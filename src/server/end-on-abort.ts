import { Repeater } from '@repeaterjs/repeater';

/**
 * `source`, ending normally (not with an error) as soon as `signal` aborts: how a draining
 * server completes open subscriptions. Ending it either way also ends the source.
 */
export function endOnAbort<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    const unlisten = onAbort(signal, () => stop());
    if (signal.aborted) stop();
    // Each read waits for the source or for the end, whichever comes first. Not by racing every read
    // against one promise of the end: each race would add a reaction to that promise, kept (with the
    // value it settled with) until the subscription ends: a leak of every value ever delivered.
    let stopped = false;
    let interrupt: (() => void) | undefined;
    void stop.then(() => {
      stopped = true;
      interrupt?.();
    });
    try {
      for (;;) {
        if (stopped) break;
        const next = iterator.next();
        // A read still pending when the stream ends settles after `return()`; nobody awaits it then.
        next.catch(() => {});
        const result = await new Promise<IteratorResult<T> | undefined>((resolve, reject) => {
          interrupt = () => resolve(undefined);
          next.then(resolve, reject);
        });
        interrupt = undefined;
        if (result === undefined || result.done) break;
        await push(result.value);
      }
      stop();
    } catch (error) {
      stop(error);
    } finally {
      unlisten();
      await iterator.return?.();
    }
  });
}

const listenersBySignal = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `listener` when `signal` aborts, through one listener of the signal's own however many
 * streams share it: an EventTarget walks all its listeners on every add and remove, so ten
 * thousand subscriptions each listening to the server's one drain signal took quadratic time to open.
 */
function onAbort(signal: AbortSignal, listener: () => void): () => void {
  let listeners = listenersBySignal.get(signal);
  if (!listeners) {
    const created = new Set<() => void>();
    listenersBySignal.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        for (const each of [...created]) each();
        created.clear();
      },
      { once: true },
    );
    listeners = created;
  }
  listeners.add(listener);
  const registered = listeners;
  return () => void registered.delete(listener);
}
