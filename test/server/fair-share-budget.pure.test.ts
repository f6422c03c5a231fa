import { describe, expect, it } from 'vitest';
import { FairShare } from '../../src/server/fair-share.js';
import { Semaphore } from '../../src/server/semaphore.js';

const limits = { subscriptionsPerActor: 2, replaysPerActor: 1, replayEventsPerSecond: 1_000, replayReads: 2 };

/** Whether `promise` has settled once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('Semaphore', () => {
  it('grants places in arrival order, and a waiter that gives up leaves the queue', async () => {
    const semaphore = new Semaphore(1);
    const first = (await semaphore.acquire())!;
    const giveUp = new AbortController();
    const second = semaphore.acquire(giveUp.signal);
    const third = semaphore.acquire();
    giveUp.abort();
    expect(await second).toBeUndefined();
    first();
    const release = (await third)!;
    expect(semaphore.idle).toBe(false);
    release();
    release(); // twice is once
    expect(semaphore.idle).toBe(true);
  });
});

describe('FairShare', () => {
  it('counts subscriptions per holder and gives a place back when one closes', () => {
    const share = new FairShare(limits);
    const [a, b] = [share.open('actor:alice'), share.open('actor:alice')];
    expect(share.open('actor:alice')).toBeUndefined();
    expect(share.open('actor:bob')).toBeDefined();
    a!.close();
    a!.close(); // twice is once
    expect(share.subscriptionsOf('actor:alice')).toBe(1);
    expect(share.open('actor:alice')).toBeDefined();
    b!.close();
  });

  it('lets one subscription of an actor replay at a time, until it has caught up; other actors are not held up', async () => {
    const share = new FairShare(limits);
    const [first, second, other] = [share.open('actor:alice')!, share.open('actor:alice')!, share.open('actor:bob')!];
    const page = async () => [1, 2, 3];
    expect(await first.read(page)).toEqual([1, 2, 3]);
    const waiting = second.read(page);
    expect(await settled(waiting)).toBe(false);
    expect(await other.read(page)).toEqual([1, 2, 3]);
    first.caughtUp();
    expect(await waiting).toEqual([1, 2, 3]);
  });

  it('ends a wait when its subscription closes, and frees the slot it held', async () => {
    const share = new FairShare(limits);
    const [first, second] = [share.open('actor:alice')!, share.open('actor:alice')!];
    await first.read(async () => []);
    const waiting = second.read(async () => []);
    second.close();
    expect(await waiting).toBeUndefined();
    first.close();
    const third = share.open('actor:alice')!;
    expect(await third.read(async () => ['read'])).toEqual(['read']);
  });
});
