import { describe, it } from 'vitest';
import type { ArenaEvent } from '../../../src/domains/arena/arena-events.js';
import { arenaWeekProcess, weekEndScheduleId } from '../../../src/domains/arena/arena-week-process.js';
import { processManagerSpec } from '../../../src/es/testing/process-manager-spec.js';

type WeekEvent = Parameters<typeof arenaWeekProcess.apply>[1];
const process = processManagerSpec(arenaWeekProcess);
const arenaId = 'crypt';
const monday = '2030-05-13T00:00:00.000Z';
const endFixed = (week: number, endsAt = monday): WeekEvent => ({ type: 'WeekEndFixed', data: { arenaId, week, endsAt } });
const completed = (week: number): WeekEvent => ({ type: 'WeekCompleted', data: { arenaId, week } });
const killed: ArenaEvent = { type: 'ZombieKilled', data: { arenaId, week: 1, attacker: 'ash', kills: 1 } };

describe('arena week process', () => {
  it('follows an arena from the end of a week being fixed to the week’s completion, and ignores kills', () => {
    process.given().when(endFixed(1)).routes({ start: arenaId });
    process.given(endFixed(1)).when(completed(1)).routes({ stop: arenaId });
    process
      .given()
      .when(killed as unknown as WeekEvent)
      .routes(undefined);
  });

  it('schedules the completion of the week, naming it, at the end fixed', () => {
    process
      .given()
      .when(endFixed(3))
      .then({
        type: 'ScheduleCommand',
        scheduleId: weekEndScheduleId(arenaId, 3),
        dueAt: monday,
        command: { type: 'CompleteWeek', arenaId, week: 3 },
      });
  });

  it('cancels the schedule of a week completed another way (an admin’s completeWeek)', () => {
    process
      .given(endFixed(3))
      .when(completed(3))
      .then({ type: 'CancelScheduledCommand', scheduleId: weekEndScheduleId(arenaId, 3) });
  });

  it('gives each week its own schedule', () => {
    process
      .given()
      .when(endFixed(4, '2030-05-20T00:00:00.000Z'))
      .then({
        type: 'ScheduleCommand',
        scheduleId: 'arena-week-end:crypt:4',
        dueAt: '2030-05-20T00:00:00.000Z',
        command: { type: 'CompleteWeek', arenaId, week: 4 },
      });
  });
});
