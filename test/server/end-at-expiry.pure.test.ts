import { Repeater } from '@repeaterjs/repeater';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atTime } from '../../src/server/at-time.js';
import { endAtExpiry } from '../../src/server/end-at-expiry.js';

/** A live source: yields what the test pushes, never ends by itself, and records when it is ended. */
function liveSource() {
  const state = { ended: false, push: (_value: number) => {} };
  const source = new Repeater<number>(async (push, stop) => {
    state.push = (value) => void push(value);
    await stop;
    state.ended = true;
  });
  return { source, state };
}

describe('endAtExpiry', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('delivers the source until the expiry, then the last value, and ends the source', async () => {
    const { source, state } = liveSource();
    const stream = endAtExpiry(source, 1_000_000 + 5_000, () => -1);
    const first = stream.next();
    state.push(1);
    expect(await first).toEqual({ done: false, value: 1 });
    const pending = stream.next();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await pending).toEqual({ done: false, value: -1 });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(state.ended).toBe(true);
  });

  it('a consumer that leaves first ends the source and clears the timer', async () => {
    const { source, state } = liveSource();
    const stream = endAtExpiry(source, 1_000_000 + 3_600_000, () => -1);
    const pending = stream.next();
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(1);
    await stream.return?.(undefined);
    expect(await pending).toEqual({ done: true, value: undefined });
    await vi.waitFor(() => expect(state.ended).toBe(true));
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('atTime', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('waits past the longest delay a Node timer takes (a 30-day token)', async () => {
    const fired = vi.fn();
    const thirtyDays = 30 * 24 * 3_600_000;
    atTime(thirtyDays, fired);
    await vi.advanceTimersByTimeAsync(2 ** 31);
    expect(fired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(thirtyDays - 2 ** 31);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('never fires before its time, even when the clock it reads lags the timer', async () => {
    let clock = 0;
    const fired = vi.fn();
    atTime(1_000, fired, () => clock);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fired).not.toHaveBeenCalled();
    clock = 1_000;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fired).toHaveBeenCalledOnce();
  });
});
