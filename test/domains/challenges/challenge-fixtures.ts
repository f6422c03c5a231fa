import type { ChallengeEvent, Ranking } from '../../../src/domains/challenges/challenge-events.js';
import type { ActivityDetails, ChallengeCategory } from '../../../src/domains/challenges/challenge-values.js';

/** Events and commands of one challenge, as the aggregate tests write them. */
export const challengeId = 'tour-2024';
export const challengeName = 'Tour of May';
export const startDate = '2024-05-01T00:00:00.000Z';
export const endDate = '2024-06-01T00:00:00.000Z';
export const goalMetres = 100_000;

export const created: ChallengeEvent = {
  type: 'ChallengeCreated',
  data: {
    challengeId,
    name: challengeName,
    slug: 'tour-of-may',
    description: 'Ride 100 km in May',
    startDate,
    endDate,
    goalMetres,
    activityType: 'RIDE',
  },
};
export const hosted: ChallengeEvent = { type: 'ChallengeHosted', data: { challengeId } };
export const started: ChallengeEvent = { type: 'ChallengeStarted', data: { challengeId } };
export const ended: ChallengeEvent = { type: 'ChallengeEnded', data: { challengeId } };

export function joined(athleteId: string, athleteName: string, categories: ChallengeCategory[] = ['OVERALL']): ChallengeEvent {
  return { type: 'CompetitorJoined', data: { challengeId, athleteId, athleteName, categories } };
}

export function activity(
  activityId: string,
  athleteId: string,
  distanceMetres: number,
  day = 2,
  overrides: Partial<ActivityDetails> = {},
): ActivityDetails {
  return {
    activityId,
    athleteId,
    activityType: 'RIDE',
    startDateLocal: `2024-05-${String(day).padStart(2, '0')}T08:00:00.000Z`,
    distanceMetres,
    movingTimeSeconds: 3_600,
    elevationMetres: 100,
    ...overrides,
  };
}

export function recorded(details: ActivityDetails): ChallengeEvent {
  return { type: 'ActivityRecorded', data: { challengeId, ...details } };
}

/** A ranking row with the totals of `activities` activities of one hour and 100 m of climbing each. */
export function row(rank: number, athleteId: string, athleteName: string, distanceMetres: number, activities = 1): Ranking {
  return {
    rank,
    athleteId,
    athleteName,
    distanceMetres,
    movingTimeSeconds: 3_600 * activities,
    elevationMetres: 100 * activities,
    activityCount: activities,
    progress: Math.min(100, Math.floor((distanceMetres * 10_000) / goalMetres) / 100),
  };
}

export function ranked(
  category: ChallengeCategory,
  rankings: Ranking[],
  changes: Partial<
    Pick<Extract<ChallengeEvent, { type: 'LeaderboardRanked' }>['data'], 'newPositions' | 'positionsGained' | 'positionsLost'>
  > = {},
): ChallengeEvent {
  return {
    type: 'LeaderboardRanked',
    data: { challengeId, challengeName, endDate, category, rankings, newPositions: [], positionsGained: [], positionsLost: [], ...changes },
  };
}
