import { describe, it } from 'vitest';
import { challengeClockProcess, endScheduleId, startScheduleId } from '../../../src/domains/challenges/challenge-clock-process.js';
import { processManagerSpec } from '../../../src/es/testing/process-manager-spec.js';
import { challengeId, created, endDate, ended, hosted, started, startDate } from './challenge-fixtures.js';

const clock = processManagerSpec(challengeClockProcess);
type ClockEvent = Parameters<typeof challengeClockProcess.apply>[1];
const [createdEvent, hostedEvent, startedEvent, endedEvent] = [created, hosted, started, ended] as ClockEvent[];

describe('challenge clock process', () => {
  it('follows one challenge from creation to its end', () => {
    clock.given().when(createdEvent!).routes({ start: challengeId });
    clock.given(createdEvent!).when(hostedEvent!).routes({ continue: challengeId });
    clock.given(createdEvent!).when(endedEvent!).routes({ stop: challengeId });
  });

  it('schedules the start and the end at the challenge dates once it is hosted', () => {
    clock
      .given(createdEvent!)
      .when(hostedEvent!)
      .then(
        {
          type: 'ScheduleCommand',
          scheduleId: startScheduleId(challengeId),
          dueAt: startDate,
          command: { type: 'StartChallenge', challengeId },
        },
        { type: 'ScheduleCommand', scheduleId: endScheduleId(challengeId), dueAt: endDate, command: { type: 'EndChallenge', challengeId } },
      );
  });

  it('cancels what is left of the schedule when the challenge is started or ended by hand', () => {
    clock
      .given(createdEvent!, hostedEvent!)
      .when(startedEvent!)
      .then({ type: 'CancelScheduledCommand', scheduleId: startScheduleId(challengeId) });
    clock
      .given(createdEvent!, hostedEvent!, startedEvent!)
      .when(endedEvent!)
      .then(
        { type: 'CancelScheduledCommand', scheduleId: startScheduleId(challengeId) },
        { type: 'CancelScheduledCommand', scheduleId: endScheduleId(challengeId) },
      );
  });

  it('remembers the dates', () => {
    clock.given(createdEvent!).thenState({ startDate, endDate });
  });
});
