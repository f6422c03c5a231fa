import { type DomainEvent, definePersonalData } from '../../es/index.js';
import type { ActivityDetails, ActivityType, ChallengeCategory } from './challenge-values.js';

/** One row of a ranking: an athlete's totals over the activities that count. */
export interface Ranking {
  rank: number;
  athleteId: string;
  athleteName: string;
  distanceMetres: number;
  movingTimeSeconds: number;
  elevationMetres: number;
  activityCount: number;
  /** Percent of the goal reached, capped at 100. */
  progress: number;
}

/** An athlete who moved: `places` is always positive, the direction is the list it is in. */
export interface PositionChange {
  athleteId: string;
  rank: number;
  previousRank: number;
  places: number;
}

export interface NewPosition {
  athleteId: string;
  rank: number;
}

export type ChallengeEvent =
  | DomainEvent<
      'ChallengeCreated',
      {
        challengeId: string;
        name: string;
        slug: string;
        description: string;
        startDate: string;
        endDate: string;
        goalMetres: number;
        activityType: ActivityType;
      }
    >
  | DomainEvent<'ChallengeHosted', { challengeId: string }>
  | DomainEvent<'ChallengeStarted', { challengeId: string }>
  | DomainEvent<'ChallengeEnded', { challengeId: string }>
  | DomainEvent<'CompetitorJoined', { challengeId: string; athleteId: string; athleteName: string; categories: ChallengeCategory[] }>
  | DomainEvent<'CompetitorLeft', { challengeId: string; athleteId: string }>
  | DomainEvent<'ActivityRecorded', { challengeId: string } & ActivityDetails>
  | DomainEvent<'ActivityRemoved', { challengeId: string } & ActivityDetails>
  | DomainEvent<
      'LeaderboardRanked',
      {
        challengeId: string;
        /** Carried so reactions (the lost-place notifier) need no read model to word their message. */
        challengeName: string;
        endDate: string;
        category: ChallengeCategory;
        rankings: Ranking[];
        newPositions: NewPosition[];
        positionsGained: PositionChange[];
        positionsLost: PositionChange[];
      }
    >
  | DomainEvent<
      'GoalAchieved',
      { challengeId: string; athleteId: string; athleteName: string; distanceMetres: number; goalMetres: number }
    >;

export type LeaderboardRankedData = Extract<ChallengeEvent, { type: 'LeaderboardRanked' }>['data'];

/** An athlete's name is about the athlete: its subject is `athlete:<athleteId>` wherever it appears (docs/privacy.md). */
export function athleteSubject(athleteId: string): string {
  return `athlete:${athleteId}`;
}

/** The athlete an erased subject names, if it names one. */
export function athleteOfSubject(subject: string): string | undefined {
  return subject.startsWith('athlete:') ? subject.slice('athlete:'.length) : undefined;
}

const athleteName = { athleteName: (holder: { athleteId: string }) => athleteSubject(holder.athleteId) };

export const challengePersonalData = definePersonalData<ChallengeEvent>({
  CompetitorJoined: athleteName,
  GoalAchieved: athleteName,
  LeaderboardRanked: { 'rankings.*.athleteName': (ranking: Ranking) => athleteSubject(ranking.athleteId) },
});
