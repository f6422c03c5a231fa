import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../../src/db/database.js';
import { arenaAggregate } from '../../../src/domains/arena/arena-aggregate.js';
import { weekEndScheduleId } from '../../../src/domains/arena/arena-week-process.js';
import { systemActor } from '../../../src/es/actor.js';
import { streamIdOf } from '../../../src/es/aggregate.js';
import { CommandScheduler } from '../../../src/es/scheduling/command-scheduler.js';
import type { SchedulingTables } from '../../../src/es/scheduling/scheduled-commands-tables.js';
import { ManualClock } from '../../../src/es/testing/manual-clock.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { arenaDomains } from './arena-domains.js';
import { ARENA, COMPLETE_WEEK, RECORD_KILL } from './arena-operations.js';

// One clock for the kills' times and the scheduler: Wednesday 8 May 2030, noon UTC. It only moves
// forward, so the tests below follow one another in time.
const { clock, scheduling, domains } = arenaDomains(new ManualClock('2030-05-08T12:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ domains });
});
afterAll(() => t.stop());

let counter = 0;
const newArenaId = () => `week-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

async function kill(arenaId: string, attacker: string) {
  const { data, errors } = await t.graphql(RECORD_KILL, { input: { arenaId, attacker } });
  expect(errors).toBeUndefined();
  expect(data!.recordKill.__typename).toBe('ArenaScore');
  await t.settle();
}

async function arena(id: string, week?: number) {
  await t.settle();
  return (await t.graphql(ARENA, { id, attacker: 'ash', ...(week === undefined ? {} : { week }) })).data!.arena!;
}

function schedules(arenaId: string) {
  return tables<SchedulingTables>(t.app.database)
    .selectFrom('scheduled_commands')
    .select(['schedule_id', 'status', 'due_at'])
    .where('schedule_id', 'like', `arena-week-end:${arenaId}:%`)
    .orderBy('due_at')
    .execute();
}

async function weeksCompleted(arenaId: string): Promise<number[]> {
  const stream = await t.app.store.readStream(streamIdOf(arenaAggregate, arenaId));
  return stream.flatMap((event) => (event.type === 'WeekCompleted' ? [(event.data as { week: number }).week] : []));
}

describe('the arena week clock', () => {
  it('completes a week by itself when the clock passes Monday midnight UTC, exactly once', async () => {
    const id = newArenaId();
    await kill(id, 'ash');
    await kill(id, 'bo');
    await kill(id, 'ash');
    expect(await schedules(id)).toEqual([
      { schedule_id: weekEndScheduleId(id, 1), status: 'PENDING', due_at: new Date('2030-05-13T00:00:00Z') },
    ]);

    clock.set('2030-05-12T23:59:59Z');
    await scheduling.scheduler!.runDue();
    expect((await arena(id)).currentWeek).toBe(1);

    // The scheduler's own loop wakes when the clock passes the week's end: no call, no sleep.
    const completedEvent = t.app.feed.follow({ streamId: streamIdOf(arenaAggregate, id), types: ['WeekCompleted'] });
    clock.set('2030-05-13T00:00:00Z');
    expect((await completedEvent.next()).value).toMatchObject({ type: 'WeekCompleted', data: { arenaId: id, week: 1 } });
    await completedEvent.return?.();

    expect(await arena(id)).toMatchObject({ week: 2, currentWeek: 2, completed: false, top10: [] });
    expect(await arena(id, 1)).toMatchObject({
      week: 1,
      completed: true,
      top10: [
        { attacker: 'ash', kills: 2, rank: 1 },
        { attacker: 'bo', kills: 1, rank: 2 },
      ],
    });
    expect((await schedules(id)).map((row) => row.status)).toEqual(['DISPATCHED']);

    // More looks at the schedule, by this scheduler and three more at once, complete nothing more.
    const others = [1, 2, 3].map(() => new CommandScheduler({ db: t.app.database.db, router: t.app.router, clock, logger: t.app.logger }));
    await Promise.all([scheduling.scheduler!.runDue(), ...others.map((scheduler) => scheduler.runDue())]);
    expect(await weeksCompleted(id)).toEqual([1]);
    expect((await arena(id)).currentWeek).toBe(2);

    // The new week's first kill fixes its end a week later.
    await kill(id, 'bo');
    expect((await schedules(id)).map((row) => [row.schedule_id, row.status, row.due_at.toISOString()])).toEqual([
      [weekEndScheduleId(id, 1), 'DISPATCHED', '2030-05-13T00:00:00.000Z'],
      [weekEndScheduleId(id, 2), 'PENDING', '2030-05-20T00:00:00.000Z'],
    ]);
  });

  it('lets an admin complete a week by hand, and the week is not completed a second time by the clock', async () => {
    clock.set('2030-05-14T10:00:00Z');
    const id = newArenaId();
    await kill(id, 'ash');
    expect((await schedules(id)).map((row) => row.status)).toEqual(['PENDING']);

    const completed = await t.graphql(COMPLETE_WEEK, { arenaId: id });
    expect(completed.data!.completeWeek).toMatchObject({ __typename: 'Arena', id, week: 2, currentWeek: 2, completed: false });
    await t.settle();
    expect((await schedules(id)).map((row) => row.status)).toEqual(['CANCELLED']);

    // Week 2 saw no kill, so it has no end to reach: passing Monday completes nothing.
    clock.set('2030-05-20T00:00:01Z');
    await scheduling.scheduler!.runDue();
    expect(await weeksCompleted(id)).toEqual([1]);
    expect((await arena(id)).currentWeek).toBe(2);

    // Had the scheduled completion of week 1 been on its way when the admin completed it, it
    // names week 1, which is over: it appends nothing, and week 2 goes on.
    const late = await t.app.router.dispatch(
      { type: 'CompleteWeek', arenaId: id, week: 1 },
      { commandId: crypto.randomUUID(), actor: systemActor('scheduler') },
    );
    expect(late.events).toEqual([]);
    expect(await weeksCompleted(id)).toEqual([1]);
    expect((await arena(id)).currentWeek).toBe(2);
  });

  it('still completes a week by hand after the clock completed the one before', async () => {
    const id = newArenaId();
    await kill(id, 'ash'); // Monday 20 May, just after midnight: this week ends on the 27th.
    expect((await schedules(id)).map((row) => row.due_at.toISOString())).toEqual(['2030-05-27T00:00:00.000Z']);
    clock.set('2030-05-27T00:00:00Z');
    await scheduling.scheduler!.runDue();
    await kill(id, 'ash');
    const completed = await t.graphql(COMPLETE_WEEK, { arenaId: id });
    expect(completed.data!.completeWeek).toMatchObject({ __typename: 'Arena', week: 3, currentWeek: 3 });
    await t.settle();
    expect(await weeksCompleted(id)).toEqual([1, 2]);
    expect((await schedules(id)).map((row) => row.status)).toEqual(['DISPATCHED', 'CANCELLED']);
  });
});
