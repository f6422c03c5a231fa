import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchedulingModule } from '../../../src/app/scheduling-module.js';
import { CommandScheduler } from '../../../src/es/scheduling/command-scheduler.js';
import type { SchedulingTables } from '../../../src/es/scheduling/scheduled-commands-tables.js';
import { ManualClock } from '../../../src/es/testing/manual-clock.js';
import { tables } from '../../../src/db/database.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { challengeDomains, newChallenge } from './challenge-flow.js';
import { CHALLENGE, CREATE_CHALLENGE, HOST_CHALLENGE, START_CHALLENGE } from './challenge-operations.js';

let t: TestApp;
let clock: ManualClock;
let scheduling: SchedulingModule;
beforeAll(async () => {
  const setup = challengeDomains(new ManualClock('2030-04-30T00:00:00Z'));
  ({ clock, scheduling } = setup);
  t = await createTestApp({ domains: setup.domains });
});
afterAll(() => t.stop());

const MAY = { startDate: '2030-05-01T00:00:00.000Z', endDate: '2030-06-01T00:00:00.000Z' };

async function hostedChallenge(dates = MAY) {
  const input = newChallenge(dates);
  await t.graphql(CREATE_CHALLENGE, { input });
  await t.graphql(HOST_CHALLENGE, { challengeId: input.id });
  await t.settle();
  return input.id;
}

async function status(id: string) {
  await t.settle();
  return (await t.graphql(CHALLENGE, { id })).data!.challenge!.status;
}

function schedules(id: string) {
  return tables<SchedulingTables>(t.app.database)
    .selectFrom('scheduled_commands')
    .select(['schedule_id', 'status', 'outcome'])
    .where('schedule_id', 'like', `%:${id}`)
    .orderBy('due_at')
    .execute();
}

describe('the challenge clock', () => {
  it('starts a hosted challenge when its start date passes and ends it at its end date', async () => {
    const id = await hostedChallenge();
    expect(await schedules(id)).toEqual([
      { schedule_id: `challenge-start:${id}`, status: 'PENDING', outcome: null },
      { schedule_id: `challenge-end:${id}`, status: 'PENDING', outcome: null },
    ]);

    clock.set('2030-04-30T23:59:59Z');
    await scheduling.scheduler!.runDue();
    expect(await status(id)).toBe('HOSTED');

    // The scheduler's own loop wakes when the clock passes the due time: no call, no sleep.
    const startedEvent = t.app.feed.follow({ streamId: `challenge-${id}`, types: ['ChallengeStarted'] });
    clock.set('2030-05-01T00:00:00Z');
    expect((await startedEvent.next()).value.type).toBe('ChallengeStarted');
    await startedEvent.return?.();
    expect(await status(id)).toBe('ACTIVE');

    clock.set('2030-06-01T00:00:01Z');
    await scheduling.scheduler!.runDue();
    expect(await status(id)).toBe('ENDED');
    expect(await schedules(id)).toEqual([
      { schedule_id: `challenge-start:${id}`, status: 'DISPATCHED', outcome: null },
      { schedule_id: `challenge-end:${id}`, status: 'DISPATCHED', outcome: null },
    ]);
  });

  it('cancels the scheduled start of a challenge started by hand', async () => {
    const id = await hostedChallenge({ startDate: '2030-07-01T00:00:00.000Z', endDate: '2030-08-01T00:00:00.000Z' });
    await t.graphql(START_CHALLENGE, { challengeId: id });
    expect(await status(id)).toBe('ACTIVE');
    expect((await schedules(id)).map((row) => row.status)).toEqual(['CANCELLED', 'PENDING']);
  });

  it('keeps its timers across a restart: a new scheduler with nothing in memory sends what fell due', async () => {
    const id = await hostedChallenge({ startDate: '2030-09-01T00:00:00.000Z', endDate: '2030-10-01T00:00:00.000Z' });
    await t.app.runtimes.stop();
    try {
      const restarted = new CommandScheduler({
        db: t.app.database.db,
        router: t.app.router,
        clock: new ManualClock('2030-09-01T00:00:00Z'),
        logger: t.app.logger,
      });
      const head = await t.app.store.head();
      await restarted.runDue();
      const events = await t.app.store.readAll({ after: head, limit: 100 });
      expect(events.map((event) => event.type)).toContain('ChallengeStarted');
    } finally {
      await t.app.runtimes.start();
    }
    expect(await status(id)).toBe('ACTIVE');
  });

  it('sends each due command once, however many schedulers run it at the same time', async () => {
    const id = await hostedChallenge({ startDate: '2030-11-01T00:00:00.000Z', endDate: '2030-11-02T00:00:00.000Z' });
    const late = new ManualClock('2030-11-03T00:00:00Z');
    const schedulers = [1, 2, 3].map(
      () => new CommandScheduler({ db: t.app.database.db, router: t.app.router, clock: late, logger: t.app.logger }),
    );
    await Promise.all(schedulers.map((scheduler) => scheduler.runDue()));
    await t.settle();
    const stream = await t.app.store.readStream(`challenge-${id}`);
    expect(stream.filter((event) => event.type === 'ChallengeStarted')).toHaveLength(1);
    expect(stream.filter((event) => event.type === 'ChallengeEnded')).toHaveLength(1);
    expect(await status(id)).toBe('ENDED');
  });
});
