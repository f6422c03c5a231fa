import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderboardRankedData } from '../../../src/domains/challenges/challenge-events.js';
import { lostPlaceNotifier } from '../../../src/domains/challenges/lost-place-notifier.js';
import type { RecordedEvent } from '../../../src/es/recorded-event.js';
import { reactionContext } from '../../../src/es/runtime/reaction-context.js';
import { expectTypename } from '../../support/graphql-results.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { challengeDomains, importActivity, runningChallenge } from './challenge-flow.js';
import { ACKNOWLEDGE_NOTIFICATION, NOTIFICATION_RECEIVED, NOTIFICATIONS } from './challenge-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ domains: challengeDomains().domains });
});
afterAll(() => t.stop());

/** An end date that leaves 32 and a half hours from now. */
const endIn32Hours = () => new Date(Date.now() + 32.5 * 3_600_000).toISOString();

async function notifications(athleteId: string, unreadOnly = false) {
  await t.settle();
  const { data } = await t.graphql(NOTIFICATIONS, { athleteId, first: 50, unreadOnly });
  return data!.notifications.edges.map((edge) => edge.node);
}

describe('lost-place notifier', () => {
  it('tells every athlete who lost places, in each category, with the new rank and the hours left', async () => {
    const challenge = await runningChallenge(
      t,
      [
        ['n-ann', 'Ann', 'WOMEN'],
        ['n-bob', 'Bob'],
        ['n-cat', 'Cat', 'WOMEN'],
      ],
      { endDate: endIn32Hours() },
    );
    await importActivity(t, challenge.id, 'a1', 'n-ann', 5_000);
    await importActivity(t, challenge.id, 'b1', 'n-bob', 4_000);
    expect(await notifications('n-ann')).toEqual([]);
    await importActivity(t, challenge.id, 'c1', 'n-cat', 9_000);

    const ann = await notifications('n-ann');
    expect(ann.map((row) => [row.category, row.rank, row.placesLost, row.message])).toEqual(
      expect.arrayContaining([
        ['OVERALL', 2, 1, `You lost 1 place in ${challenge.name}: you are now 2nd, 32 hours left`],
        ['WOMEN', 2, 1, `You lost 1 place in ${challenge.name} (women): you are now 2nd, 32 hours left`],
      ]),
    );
    expect(ann).toHaveLength(2);
    expect((await notifications('n-bob')).map((row) => row.message)).toEqual([
      `You lost 1 place in ${challenge.name}: you are now 3rd, 32 hours left`,
    ]);
    expect(await notifications('n-cat')).toEqual([]);
  });

  it('writes each (event, athlete) notification once when the event is delivered again', async () => {
    const challenge = await runningChallenge(t, [
      ['r-ann', 'Ann'],
      ['r-bob', 'Bob'],
    ]);
    await importActivity(t, challenge.id, 'a1', 'r-ann', 5_000);
    await importActivity(t, challenge.id, 'b1', 'r-bob', 6_000);
    await t.settle();
    const [ranked] = (await t.app.store.readAll({ after: 0, limit: 10_000, types: ['LeaderboardRanked'] })).filter(
      (event) =>
        (event.data as LeaderboardRankedData).challengeId === challenge.id &&
        (event.data as LeaderboardRankedData).positionsLost.length > 0,
    ) as Array<RecordedEvent<'LeaderboardRanked', LeaderboardRankedData>>;
    expect(ranked).toBeDefined();
    const handle = lostPlaceNotifier.handlers.LeaderboardRanked!;
    // Redelivered twice more, one of them concurrently with another delivery.
    const context = () =>
      reactionContext(lostPlaceNotifier.name, ranked!, { router: t.app.router, store: t.app.store, db: t.app.database.db });
    await Promise.all([handle(ranked!, context()), handle(ranked!, context())]);
    expect((await notifications('r-ann')).map((row) => row.placesLost)).toEqual([1]);
  });

  it('pages newest first, acknowledges, and pushes each new notification to its athlete', async () => {
    const challenge = await runningChallenge(t, [
      ['p-ann', 'Ann'],
      ['p-bob', 'Bob'],
    ]);
    const received = await t.subscribe(NOTIFICATION_RECEIVED, { athleteId: 'p-ann' });
    const next = received.next();
    await importActivity(t, challenge.id, 'a1', 'p-ann', 5_000);
    await importActivity(t, challenge.id, 'b1', 'p-bob', 6_000);
    const pushed = (await next).value!.data!.notificationReceived;
    expect(pushed).toMatchObject({ rank: 2, placesLost: 1 });
    await received.return?.();

    await importActivity(t, challenge.id, 'a2', 'p-ann', 2_000);
    await importActivity(t, challenge.id, 'b2', 'p-bob', 2_000);
    const all = await notifications('p-ann');
    expect(all).toHaveLength(2);
    expect(all[1]!.id).toBe(pushed.id);

    const firstPage = (await t.graphql(NOTIFICATIONS, { athleteId: 'p-ann', first: 1 })).data!.notifications;
    expect(firstPage.edges[0]!.node.id).toBe(all[0]!.id);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = (await t.graphql(NOTIFICATIONS, { athleteId: 'p-ann', first: 1, after: firstPage.pageInfo.endCursor })).data!
      .notifications;
    expect(secondPage.edges[0]!.node.id).toBe(pushed.id);

    const acknowledged = expectTypename(
      (await t.graphql(ACKNOWLEDGE_NOTIFICATION, { id: pushed.id })).data!.acknowledgeNotification,
      'Notification',
    );
    expect(acknowledged.readAt).toEqual(expect.any(String));
    const again = expectTypename(
      (await t.graphql(ACKNOWLEDGE_NOTIFICATION, { id: pushed.id })).data!.acknowledgeNotification,
      'Notification',
    );
    expect(again.readAt).toBe(acknowledged.readAt);
    expect((await notifications('p-ann', true)).map((row) => row.id)).toEqual([all[0]!.id]);
    expect((await t.graphql(ACKNOWLEDGE_NOTIFICATION, { id: 'nope' })).data!.acknowledgeNotification).toMatchObject({
      __typename: 'NotificationNotFoundError',
    });
  });
});
