import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { arenaDomains } from './arena-domains.js';
import { ARENA, ARENA_TOP10_CHANGED, COMPLETE_WEEK, RECORD_KILL } from './arena-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ domains: arenaDomains().domains });
});
afterAll(() => t.stop());

let counter = 0;
const newArenaId = () => `arena-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

type Top10 = { arenaId: string; week: number; top10: Array<{ attacker: string; kills: number; rank: number }> };

async function nextTop10(subscription: AsyncIterableIterator<{ data?: { arenaTop10Changed: Top10 } | null; errors?: unknown }>) {
  const result = await subscription.next();
  expect(result.done).toBe(false);
  expect(result.value.errors).toBeUndefined();
  return result.value.data!.arenaTop10Changed;
}

/** 60 kills by 15 attackers, sent all at once. */
async function burst(arenaId: string): Promise<void> {
  const kills = Array.from({ length: 60 }, (_, index) => `z${index % 15}`);
  const results = await Promise.all(kills.map((attacker) => t.graphql(RECORD_KILL, { input: { arenaId, attacker } })));
  for (const { errors } of results) expect(errors).toBeUndefined();
}

const currentTop10 = async (arenaId: string) => (await t.graphql(ARENA, { id: arenaId, attacker: '' })).data!.arena!.top10;

describe('arenaTop10Changed', () => {
  it('gives a client that read nothing during a burst one top 10, the final one', async () => {
    const arenaId = newArenaId();
    const subscription = await t.subscribe(ARENA_TOP10_CHANGED, { arenaId });
    expect(await nextTop10(subscription)).toEqual({ arenaId, week: 1, top10: [] });

    await burst(arenaId);
    await t.settle();
    // Had every kill queued a top 10, the next one would be the top 10 after the first kill.
    const final = await nextTop10(subscription);
    expect(final.top10).toEqual(await currentTop10(arenaId));
    expect(final.top10).toHaveLength(10);
    expect(final.top10.every((score: { kills: number }) => score.kills === 4)).toBe(true);

    // Nothing else is pending: the next top 10 is the one after the next change.
    const next = nextTop10(subscription);
    await t.graphql(RECORD_KILL, { input: { arenaId, attacker: 'z14' } });
    expect((await next).top10[0]).toEqual({ attacker: 'z14', kills: 5, rank: 1 });
    await subscription.return?.();
  });

  it('coalesces a burst for a client reading as fast as it can: fewer top 10s than kills, ending with the final one', async () => {
    const arenaId = newArenaId();
    const subscription = await t.subscribe(ARENA_TOP10_CHANGED, { arenaId });
    await nextTop10(subscription);
    const received: Top10[] = [];
    const reading = (async () => {
      for (;;) {
        const top = await nextTop10(subscription);
        received.push(top);
        if (top.top10.length === 10 && top.top10.every((score: { kills: number }) => score.kills === 4)) return;
      }
    })();
    await burst(arenaId);
    await reading;
    expect(received.length).toBeLessThan(60);
    expect(received.at(-1)!.top10).toEqual(await currentTop10(arenaId));
    // Every top 10 delivered differs from the one before it.
    for (let i = 1; i < received.length; i++) expect(received[i]).not.toEqual(received[i - 1]);
    await subscription.return?.();
  });

  it('gives the empty top 10 of the new week when a week completes', async () => {
    const arenaId = newArenaId();
    await t.graphql(RECORD_KILL, { input: { arenaId, attacker: 'ash' } });
    const subscription = await t.subscribe(ARENA_TOP10_CHANGED, { arenaId });
    expect(await nextTop10(subscription)).toEqual({ arenaId, week: 1, top10: [{ attacker: 'ash', kills: 1, rank: 1 }] });
    await t.graphql(COMPLETE_WEEK, { arenaId });
    expect(await nextTop10(subscription)).toEqual({ arenaId, week: 2, top10: [] });
    await subscription.return?.();
  });
});
