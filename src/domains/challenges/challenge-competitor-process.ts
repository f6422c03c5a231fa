import { type Command, defineProcessManager } from '../../es/index.js';
import type { ChallengeCommand } from './challenge-commands.js';
import type { ChallengeEvent } from './challenge-events.js';
import type { TrackerActivityEvent } from './tracker-activity-events.js';

export type CompetitorProcessEvent = TrackerActivityEvent | Extract<ChallengeEvent, { type: 'CompetitorJoined' | 'CompetitorLeft' }>;

/** The challenges an athlete has joined: JOINED while competing, LEFT once gone (their activities still count if they rejoin). */
export interface CompetitorProcessState {
  challenges: Record<string, 'JOINED' | 'LEFT'>;
}

/**
 * One instance per athlete: turns each tracker activity into an import into every challenge the
 * athlete competes in, and a deletion into a removal from every challenge they ever joined. The
 * challenge decides whether the activity counts (period, type, duplicate); its refusals are the
 * expected outcome for challenges that are not running, so they are not errors here.
 */
export const challengeCompetitorProcess = defineProcessManager<CompetitorProcessState, CompetitorProcessEvent>({
  name: 'challenge-competitor-process',
  initialState: { challenges: {} },

  interestedIn(event) {
    switch (event.type) {
      case 'CompetitorJoined':
        return { start: event.data.athleteId };
      case 'CompetitorLeft':
      case 'TrackerActivityReceived':
      case 'TrackerActivityDeleted':
        return { continue: event.data.athleteId };
      default:
        return undefined;
    }
  },

  handle(state, event): ChallengeCommand[] {
    const challenges = Object.entries(state.challenges);
    if (event.type === 'TrackerActivityReceived') {
      return challenges
        .filter(([, status]) => status === 'JOINED')
        .map(([challengeId]) => ({ type: 'ImportActivity', challengeId, ...event.data }));
    }
    if (event.type === 'TrackerActivityDeleted') {
      return challenges.map(([challengeId]) => ({ type: 'RemoveActivity', challengeId, activityId: event.data.activityId }));
    }
    return [];
  },

  apply(state, event) {
    if (event.type === 'CompetitorJoined') return { challenges: { ...state.challenges, [event.data.challengeId]: 'JOINED' } };
    if (event.type === 'CompetitorLeft') return { challenges: { ...state.challenges, [event.data.challengeId]: 'LEFT' } };
    return state;
  },

  onError(_error, _command: Command) {
    return [];
  },
});
