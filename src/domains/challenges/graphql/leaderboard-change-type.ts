import { builder } from '../../../graphql/builder.js';
import type { NewPosition, PositionChange, Ranking } from '../challenge-events.js';
import type { ChallengeCategory } from '../challenge-values.js';
import { ChallengeCategoryEnum } from './challenge-type.js';
import { LeaderboardEntryType } from './leaderboard-entry-type.js';

export interface LeaderboardChange {
  challengeId: string;
  category: ChallengeCategory;
  position: string;
  rankings: Ranking[];
  newPositions: NewPosition[];
  positionsGained: PositionChange[];
  positionsLost: PositionChange[];
}

export interface RankChange {
  challengeId: string;
  athleteId: string;
  category: ChallengeCategory;
  rank: number | null;
  previousRank: number | null;
  position: string;
}

const PositionChangeType = builder.objectRef<PositionChange>('PositionChange').implement({
  fields: (t) => ({
    athleteId: t.exposeID('athleteId'),
    rank: t.exposeInt('rank'),
    previousRank: t.exposeInt('previousRank'),
    places: t.exposeInt('places', { description: 'How many places, always positive.' }),
  }),
});

const NewPositionType = builder.objectRef<NewPosition>('NewPosition').implement({
  fields: (t) => ({ athleteId: t.exposeID('athleteId'), rank: t.exposeInt('rank') }),
});

export const LeaderboardChangeType = builder.objectRef<LeaderboardChange>('LeaderboardChange').implement({
  description: 'A category’s new ranking, with who moved since the ranking this subscriber saw last.',
  fields: (t) => ({
    challengeId: t.exposeID('challengeId'),
    category: t.field({ type: ChallengeCategoryEnum, resolve: (change) => change.category }),
    position: t.exposeString('position', { description: 'Pass as `after` to resume from here.' }),
    rankings: t.field({ type: [LeaderboardEntryType], resolve: (change) => change.rankings }),
    newPositions: t.field({ type: [NewPositionType], resolve: (change) => change.newPositions }),
    positionsGained: t.field({ type: [PositionChangeType], resolve: (change) => change.positionsGained }),
    positionsLost: t.field({ type: [PositionChangeType], resolve: (change) => change.positionsLost }),
  }),
});

export const RankChangeType = builder.objectRef<RankChange>('RankChange').implement({
  fields: (t) => ({
    challengeId: t.exposeID('challengeId'),
    athleteId: t.exposeID('athleteId'),
    category: t.field({ type: ChallengeCategoryEnum, resolve: (change) => change.category }),
    rank: t.exposeInt('rank', { nullable: true, description: 'Null once the athlete has left.' }),
    previousRank: t.exposeInt('previousRank', { nullable: true, description: 'Null when the athlete was not ranked before.' }),
    position: t.exposeString('position'),
  }),
});
