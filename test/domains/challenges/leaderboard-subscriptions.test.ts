import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { challengeDomains, importActivity, runningChallenge } from './challenge-flow.js';
import { LEADERBOARD_CHANGED, RANK_CHANGED } from './challenge-operations.js';
import { TEST_ACTOR } from '../../support/test-auth.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ domains: challengeDomains().domains });
});
afterAll(() => t.stop());

/** Imports straight through the router: a burst as fast as the aggregate takes it. */
async function burst(challengeId: string, athleteId: string, count: number, prefix: string) {
  for (let index = 0; index < count; index++) {
    await t.app.router.dispatch(
      {
        type: 'ImportActivity',
        challengeId,
        activityId: `${prefix}-${index}`,
        athleteId,
        activityType: 'RIDE',
        startDateLocal: '2024-05-03T08:00:00.000Z',
        distanceMetres: 10,
        movingTimeSeconds: 1,
        elevationMetres: 0,
      },
      { actor: TEST_ACTOR },
    );
  }
}

/** The position of the challenge's last event (other streams may grow meanwhile: the clock's, say). */
async function lastPosition(challengeId: string): Promise<number> {
  const streamId = `challenge-${challengeId}`;
  const [last] = await t.app.store.readStream(streamId, { fromVersion: await t.app.store.streamVersion(streamId) });
  return last!.position;
}

describe('leaderboardChanged', () => {
  it('delivers each new ranking with places gained and lost', async () => {
    const { id } = await runningChallenge(t, [
      ['ann', 'Ann'],
      ['bob', 'Bob'],
    ]);
    await importActivity(t, id, 'a1', 'ann', 5_000);
    const updates = await t.subscribe(LEADERBOARD_CHANGED, { challengeId: id });
    const next = updates.next();
    await importActivity(t, id, 'b1', 'bob', 9_000);
    const { value } = await next;
    expect(value!.data!.leaderboardChanged).toMatchObject({
      rankings: [
        { rank: 1, athleteId: 'bob', distanceMetres: 9_000 },
        { rank: 2, athleteId: 'ann', distanceMetres: 5_000 },
      ],
      positionsGained: [{ athleteId: 'bob', rank: 1, previousRank: 2, places: 1 }],
      positionsLost: [{ athleteId: 'ann', rank: 2, previousRank: 1, places: 1 }],
    });
    await updates.return?.();
  });

  it('coalesces a burst for a subscriber that does not read: it gets only the latest ranking, diffed against what it saw', async () => {
    const { id } = await runningChallenge(t, [
      ['ann', 'Ann'],
      ['bob', 'Bob'],
    ]);
    await importActivity(t, id, 'a1', 'ann', 5_000);
    const updates = await t.subscribe(LEADERBOARD_CHANGED, { challengeId: id });
    const first = updates.next();
    await importActivity(t, id, 'b0', 'bob', 4_000);
    expect((await first).value!.data!.leaderboardChanged.rankings.map((row) => row.athleteId)).toEqual(['ann', 'bob']);

    // More rankings than Yoga's push-based pubsub could hold for one subscriber (1024), none of them read.
    const count = 1_100;
    await burst(id, 'bob', count, 'burst');
    const last = await lastPosition(id);
    // The burst's commits are acknowledged; the subscription sees them once this process's feed has read them.
    await t.app.feed.waitFor(last);

    const latest = (await updates.next()).value!.data!.leaderboardChanged;
    expect(Number(latest.position)).toBe(last);
    expect(latest.rankings).toEqual([
      { rank: 1, athleteId: 'bob', distanceMetres: 4_000 + 10 * count, activityCount: 1 + count },
      { rank: 2, athleteId: 'ann', distanceMetres: 5_000, activityCount: 1 },
    ]);
    // Bob passed Ann during the burst: counted against the ranking this subscriber saw, not the last event's.
    expect(latest.positionsGained).toEqual([{ athleteId: 'bob', rank: 1, previousRank: 2, places: 1 }]);
    expect(latest.positionsLost).toEqual([{ athleteId: 'ann', rank: 2, previousRank: 1, places: 1 }]);

    // Nothing of the burst is left queued: the next delivery is the next ranking.
    const after = updates.next();
    await importActivity(t, id, 'a2', 'ann', 1);
    expect(Number((await after).value!.data!.leaderboardChanged.position)).toBe(await lastPosition(id));
    await updates.return?.();
  }, 240_000);
});

describe('rankChanged', () => {
  it('fires only when that athlete’s rank changes', async () => {
    const { id } = await runningChallenge(t, [
      ['ann', 'Ann'],
      ['bob', 'Bob'],
      ['cid', 'Cid'],
    ]);
    await importActivity(t, id, 'a1', 'ann', 5_000);
    const changes = await t.subscribe(RANK_CHANGED, { challengeId: id, athleteId: 'ann' });
    const next = changes.next();
    await importActivity(t, id, 'a2', 'ann', 1_000); // Ann stays first
    await importActivity(t, id, 'c1', 'cid', 2_000); // Cid passes Bob; Ann stays first
    await importActivity(t, id, 'b1', 'bob', 9_000); // Bob passes Ann
    const { value } = await next;
    expect(value!.data!.rankChanged).toMatchObject({ athleteId: 'ann', rank: 2, previousRank: 1 });
    expect(Number(value!.data!.rankChanged.position)).toBe(await lastPosition(id));
    await changes.return?.();
  });
});
