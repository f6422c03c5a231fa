import type { ActivityType, ChallengeCategory } from './challenge-values.js';

/** An activity as the tracker reported it; dates are ISO-8601 strings, quantities whole numbers. */
export interface ActivityDetails {
  activityId: string;
  athleteId: string;
  activityType: ActivityType;
  /** The athlete's local start time, compared with the challenge period as is. */
  startDateLocal: string;
  distanceMetres: number;
  movingTimeSeconds: number;
  elevationMetres: number;
}

export type ChallengeCommand =
  | {
      type: 'CreateChallenge';
      challengeId: string;
      name: string;
      description: string;
      startDate: string;
      endDate: string;
      goalMetres: number;
      activityType: ActivityType;
    }
  | { type: 'HostChallenge'; challengeId: string }
  | { type: 'StartChallenge'; challengeId: string }
  | { type: 'EndChallenge'; challengeId: string }
  | {
      type: 'JoinChallenge';
      challengeId: string;
      athleteId: string;
      athleteName: string;
      category: Exclude<ChallengeCategory, 'OVERALL'> | null;
    }
  | { type: 'LeaveChallenge'; challengeId: string; athleteId: string }
  | ({ type: 'ImportActivity'; challengeId: string } & ActivityDetails)
  | { type: 'RemoveActivity'; challengeId: string; activityId: string };
