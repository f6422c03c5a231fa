import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import { followLatest } from '../../src/es/follow-latest.js';
import { counterModule } from './fixtures/counter.js';
import { startChronicle } from './fixtures/app.js';

let app: Chronicle;
beforeAll(async () => {
  app = await startChronicle([counterModule]);
});
afterAll(() => app.stop());

let counter = 0;
const newCounterId = () => `latest-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** The counter's value read from its stream, counting the reads. */
function follow(counterId: string) {
  const stats = { reads: 0 };
  const values = followLatest(app.feed, {
    streamId: `counter-${counterId}`,
    types: ['Incremented', 'Decremented'],
    caughtUp: (position) => app.feed.waitFor(position),
    read: async () => {
      stats.reads += 1;
      const events = await app.store.readStream(`counter-${counterId}`);
      return events.reduce((value, event) => (event.data as { value: number }).value, 0);
    },
    equals: (a, b) => a === b,
  });
  return { values, stats };
}

const increment = (counterId: string, by = 1) => app.router.dispatch({ type: 'Increment', counterId, by });

describe('followLatest', () => {
  it('gives the current value, then one read after a burst the consumer did not follow', async () => {
    const counterId = newCounterId();
    await increment(counterId, 5);
    const { values, stats } = follow(counterId);
    expect(await values.next()).toEqual({ done: false, value: 5 });
    for (let i = 0; i < 50; i++) await increment(counterId);
    expect(await values.next()).toEqual({ done: false, value: 55 });
    expect(stats.reads).toBe(2);
    await values.return?.();
  });

  it('delivers only values that differ from the last one', async () => {
    const counterId = newCounterId();
    const { values } = follow(counterId);
    expect((await values.next()).value).toBe(0);
    const next = values.next();
    await increment(counterId, 0);
    await app.feed.waitFor(await app.store.head());
    await increment(counterId, 2);
    expect(await next).toEqual({ done: false, value: 2 });
    await values.return?.();
  });

  it('is not woken into reading by other streams', async () => {
    const counterId = newCounterId();
    const { values, stats } = follow(counterId);
    await values.next();
    const next = values.next();
    for (let i = 0; i < 5; i++) {
      await increment(newCounterId());
      await app.feed.waitFor(await app.store.head());
    }
    await increment(counterId, 3);
    expect(await next).toEqual({ done: false, value: 3 });
    expect(stats.reads).toBe(2);
    await values.return?.();
  });

  it('ends a pending next at once on return, and stays ended', async () => {
    const { values } = follow(newCounterId());
    await values.next();
    const pending = values.next();
    await values.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await values.next()).toEqual({ done: true, value: undefined });
  });
});
