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
});
