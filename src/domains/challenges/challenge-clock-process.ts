import { defineProcessManager, type ScheduledCommandCommand } from '../../es/index.js';
import type { ChallengeEvent } from './challenge-events.js';

type ClockEvent = Extract<ChallengeEvent, { type: 'ChallengeCreated' | 'ChallengeHosted' | 'ChallengeStarted' | 'ChallengeEnded' }>;

export interface ChallengeClockState {
  startDate: string;
  endDate: string;
}

export const startScheduleId = (challengeId: string) => `challenge-start:${challengeId}`;
export const endScheduleId = (challengeId: string) => `challenge-end:${challengeId}`;

/**
 * Starts and ends a hosted challenge when its dates pass: hosting schedules both commands (the
 * schedule is durable, so it survives restarts), and a challenge started or ended by hand cancels
 * what is left of it.
 */
export const challengeClockProcess = defineProcessManager<ChallengeClockState, ClockEvent>({
  name: 'challenge-clock-process',
  initialState: { startDate: '', endDate: '' },

  interestedIn(event) {
    const { challengeId } = event.data;
    switch (event.type) {
      case 'ChallengeCreated':
        return { start: challengeId };
      case 'ChallengeHosted':
      case 'ChallengeStarted':
        return { continue: challengeId };
      case 'ChallengeEnded':
        return { stop: challengeId };
      default:
        return undefined;
    }
  },

  handle(state, event): ScheduledCommandCommand[] {
    const { challengeId } = event.data;
    switch (event.type) {
      case 'ChallengeHosted':
        return [
          {
            type: 'ScheduleCommand',
            scheduleId: startScheduleId(challengeId),
            dueAt: state.startDate,
            command: { type: 'StartChallenge', challengeId },
          },
          {
            type: 'ScheduleCommand',
            scheduleId: endScheduleId(challengeId),
            dueAt: state.endDate,
            command: { type: 'EndChallenge', challengeId },
          },
        ];
      case 'ChallengeStarted':
        return [{ type: 'CancelScheduledCommand', scheduleId: startScheduleId(challengeId) }];
      case 'ChallengeEnded':
        return [
          { type: 'CancelScheduledCommand', scheduleId: startScheduleId(challengeId) },
          { type: 'CancelScheduledCommand', scheduleId: endScheduleId(challengeId) },
        ];
      default:
        return [];
    }
  },

  apply(state, event) {
    if (event.type !== 'ChallengeCreated') return state;
    return { startDate: event.data.startDate, endDate: event.data.endDate };
  },
});
