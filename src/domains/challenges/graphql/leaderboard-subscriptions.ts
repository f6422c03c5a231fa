import { everyone, followLatestEvent, type RecordedEvent, streamIdOf } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { parsePositionCursor, positionCursor } from '../../../graphql/position-cursor.js';
import { challengeAggregate } from '../challenge-aggregate.js';
import type { LeaderboardRankedData } from '../challenge-events.js';
import type { ChallengeCategory } from '../challenge-values.js';
import { compareRanks } from '../leaderboard-ranking.js';
import { ChallengeCategoryEnum } from './challenge-type.js';
import { type LeaderboardChange, LeaderboardChangeType, type RankChange, RankChangeType } from './leaderboard-change-type.js';

type RankedEvent = RecordedEvent<'LeaderboardRanked', LeaderboardRankedData>;

function rankings(challengeId: string, category: ChallengeCategory, after: string | null | undefined) {
  return {
    ...(after == null ? {} : { after: parsePositionCursor(after) }),
    streamId: streamIdOf(challengeAggregate, challengeId),
    types: ['LeaderboardRanked'],
    filter: (event: RecordedEvent) => (event as RankedEvent).data.category === category,
  };
}

builder.subscriptionFields((t) => ({
  leaderboardChanged: t.field({
    access: everyone,
    type: LeaderboardChangeType,
    description:
      'The ranking of a category each time it changes. A burst coalesces: a subscriber gets the latest ranking when it is ' +
      'ready for one, with places gained and lost counted against the ranking it received before. With `after` (a position), ' +
      'starts from the latest ranking since then.',
    args: {
      challengeId: t.arg.id({ required: true }),
      category: t.arg({ type: ChallengeCategoryEnum, required: true, defaultValue: 'OVERALL' }),
      after: t.arg.string(),
    },
    subscribe: (_root, { challengeId, category, after }, ctx) => {
      let seen: Record<string, number> | undefined;
      return followLatestEvent<LeaderboardChange>(ctx.app.feed, {
        ...rankings(String(challengeId), category, after),
        deliver: (latest) => {
          const { data } = latest as RankedEvent;
          const changes = seen ? compareRanks(seen, data.rankings) : data;
          seen = Object.fromEntries(data.rankings.map((ranking) => [ranking.athleteId, ranking.rank]));
          return {
            challengeId: data.challengeId,
            category: data.category,
            position: positionCursor(latest.position),
            rankings: data.rankings,
            newPositions: changes.newPositions,
            positionsGained: changes.positionsGained,
            positionsLost: changes.positionsLost,
          };
        },
      });
    },
    resolve: (change) => change,
  }),
  rankChanged: t.field({
    access: everyone,
    type: RankChangeType,
    description: 'Only when this athlete’s rank changes (bursts coalesce, like `leaderboardChanged`).',
    args: {
      challengeId: t.arg.id({ required: true }),
      athleteId: t.arg.id({ required: true }),
      category: t.arg({ type: ChallengeCategoryEnum, required: true, defaultValue: 'OVERALL' }),
      after: t.arg.string(),
    },
    subscribe: (_root, { challengeId, athleteId, category, after }, ctx) => {
      const athlete = String(athleteId);
      let lastRank: number | null | undefined;
      return followLatestEvent<RankChange>(ctx.app.feed, {
        ...rankings(String(challengeId), category, after),
        deliver: (latest) => {
          const { data } = latest as RankedEvent;
          const rank = data.rankings.find((ranking) => ranking.athleteId === athlete)?.rank ?? null;
          const previousRank = lastRank === undefined ? rankBefore(data, athlete, rank) : lastRank;
          lastRank = rank;
          if (rank === previousRank) return undefined;
          return {
            challengeId: data.challengeId,
            athleteId: athlete,
            category: data.category,
            rank,
            previousRank,
            position: positionCursor(latest.position),
          };
        },
      });
    },
    resolve: (change) => change,
  }),
}));

/** The athlete's rank before this event, as the event itself tells it. */
function rankBefore(data: LeaderboardRankedData, athleteId: string, rank: number | null): number | null {
  const moved = [...data.positionsGained, ...data.positionsLost].find((change) => change.athleteId === athleteId);
  if (moved) return moved.previousRank;
  if (data.newPositions.some((entry) => entry.athleteId === athleteId)) return null;
  // Unmoved, or absent from this ranking: absent after a leave means they were ranked before, but we cannot say where.
  return rank;
}
