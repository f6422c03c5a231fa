import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { challengeDomains, importActivity, runningChallenge } from './challenge-flow.js';

const ActivityRecorded = graphql(`
  subscription ActivityRecorded($challengeId: ID!, $after: String) {
    activityRecorded(challengeId: $challengeId, after: $after) {
      id
      athleteId
      athleteName
      activityType
      startDateLocal
      distanceMetres
      movingTimeSeconds
      elevationMetres
      position
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ domains: challengeDomains().domains });
});
afterAll(() => t.stop());

type Subscription = Awaited<ReturnType<typeof subscribe>>;

function subscribe(challengeId: string, after: string) {
  return t.subscribe(ActivityRecorded, { challengeId, after });
}

/** The next activity the subscription delivers (failing on an error). */
async function next(subscription: Subscription) {
  const { value, done } = await subscription.next();
  expect(done).toBe(false);
  expect(value!.errors).toBeUndefined();
  return value!.data!.activityRecorded;
}

describe('activityRecorded', () => {
  it('replays the challenge’s activities after `after`, then each new one live, and none of another challenge', async () => {
    const challenge = await runningChallenge(t, [
      ['ann', 'Ann', 'WOMEN'],
      ['bob', 'Bob', 'MEN'],
    ]);
    const other = await runningChallenge(t, [['cat', 'Cat', 'WOMEN']]);
    const before = String(await t.app.store.head());
    await importActivity(t, challenge.id, 'ride-1', 'ann', 20_000, 2);
    await importActivity(t, other.id, 'elsewhere-1', 'cat', 7_000, 2);
    await importActivity(t, challenge.id, 'ride-2', 'bob', 5_000, 3);

    const subscription = await subscribe(challenge.id, before);
    try {
      const first = await next(subscription);
      expect(first).toEqual({
        id: 'ride-1',
        athleteId: 'ann',
        athleteName: 'Ann',
        activityType: 'RIDE',
        // In process, before serialisation: a Date (over the wire, its ISO string).
        startDateLocal: new Date('2024-05-02T08:00:00.000Z'),
        distanceMetres: 20_000,
        movingTimeSeconds: 3_600,
        elevationMetres: 100,
        position: expect.any(String),
      });
      const second = await next(subscription);
      expect([second.id, second.athleteName, second.distanceMetres]).toEqual(['ride-2', 'Bob', 5_000]);

      // Caught up: the next one comes live.
      const live = next(subscription);
      await importActivity(t, other.id, 'elsewhere-2', 'cat', 1_000, 4);
      await importActivity(t, challenge.id, 'ride-3', 'ann', 3_000, 4);
      const third = await live;
      expect([third.id, third.athleteId]).toEqual(['ride-3', 'ann']);
      expect(Number(first.position)).toBeLessThan(Number(second.position));
      expect(Number(second.position)).toBeLessThan(Number(third.position));
    } finally {
      await subscription.return?.();
    }
  });

  it('resumed from the position of the last activity delivered, goes on with the next one: no gap, no duplicate', async () => {
    const challenge = await runningChallenge(t, [['dan', 'Dan', 'MEN']]);
    const before = String(await t.app.store.head());
    for (const [index, day] of [
      [1, 2],
      [2, 3],
      [3, 4],
    ]) {
      await importActivity(t, challenge.id, `lap-${index}`, 'dan', 1_000 * index!, day);
    }

    const first = await subscribe(challenge.id, before);
    const delivered = await next(first);
    await first.return?.();
    expect(delivered.id).toBe('lap-1');

    const resumed = await subscribe(challenge.id, delivered.position);
    try {
      expect((await next(resumed)).id).toBe('lap-2');
      expect((await next(resumed)).id).toBe('lap-3');
    } finally {
      await resumed.return?.();
    }
  });
});
