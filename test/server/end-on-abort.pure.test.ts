import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { endOnAbort } from '../../src/server/end-on-abort.js';

// A full collection on demand, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('endOnAbort', () => {
  it('keeps none of the values it has delivered while the stream goes on', async () => {
    // Every subscription of the server goes through endOnAbort: anything it kept per value would
    // grow with every event a long-lived subscriber receives (the load test found 760 bytes each).
    const delivered: Array<WeakRef<object>> = [];
    async function* source() {
      for (let index = 0; ; index++) {
        const value = { index, payload: 'x'.repeat(100) };
        delivered.push(new WeakRef(value));
        yield value;
      }
    }
    const ending = new AbortController();
    const stream = endOnAbort(source(), ending.signal);
    for (let index = 0; index < 200; index++) await stream.next();

    // A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    const stillReachable = delivered.slice(0, 190).filter((ref) => ref.deref() !== undefined).length;
    expect(stillReachable).toBe(0);

    ending.abort();
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('ends normally when the signal aborts during a read, without delivering what the read returns', async () => {
    let sourceEnded = false;
    let release!: () => void;
    async function* source() {
      try {
        yield 1;
        await new Promise<void>((resolve) => (release = resolve));
        yield 2;
      } finally {
        sourceEnded = true;
      }
    }
    const ending = new AbortController();
    const stream = endOnAbort(source(), ending.signal);
    expect(await stream.next()).toEqual({ done: false, value: 1 });
    const pending = stream.next();
    await expect.poll(() => release).toBeDefined();
    ending.abort();
    // The stream ends once the source has ended too, which here needs its pending read to finish.
    release();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(sourceEnded).toBe(true);
  });

  it('ends every stream sharing one signal through a single listener of it, and forgets each stream that ends', async () => {
    // Every subscription ends with the server's one drain signal: a listener each made opening the n-th cost O(n).
    // A source that waits for its next value until it is ended, as the event feed does.
    const forever = (): AsyncIterableIterator<number> => {
      let end: ((result: IteratorResult<number>) => void) | undefined;
      const done = { done: true as const, value: undefined };
      return {
        next: () => new Promise((resolve) => (end = resolve)),
        return: async () => (end?.(done), done),
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    };
    const draining = new AbortController();
    const streams = Array.from({ length: 1_000 }, () => endOnAbort(forever(), draining.signal));
    const pending = streams.map((stream) => stream.next());
    await expect.poll(() => getEventListeners(draining.signal, 'abort').length).toBe(1);
    expect(getEventListeners(draining.signal, 'abort')).toHaveLength(1);

    // One ended by its client is forgotten: the drain no longer reaches for it.
    await streams[0]!.return?.(undefined);
    expect(await pending[0]).toEqual({ done: true, value: undefined });

    draining.abort();
    expect(await Promise.all(pending.slice(1))).toEqual(Array.from({ length: 999 }, () => ({ done: true, value: undefined })));
  });
});
