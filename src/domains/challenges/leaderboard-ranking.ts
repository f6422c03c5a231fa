import type { NewPosition, PositionChange, Ranking } from './challenge-events.js';

/** An athlete's running totals over the activities that count for them. */
export interface AthleteTotals {
  distanceMetres: number;
  movingTimeSeconds: number;
  elevationMetres: number;
  activityCount: number;
  /** When the athlete reached the current total: the latest end (start + moving time) of their activities, in ms. */
  reachedAt: number | null;
}

export const noTotals: AthleteTotals = { distanceMetres: 0, movingTimeSeconds: 0, elevationMetres: 0, activityCount: 0, reachedAt: null };

export interface RankedAthlete {
  athleteId: string;
  athleteName: string;
  totals: AthleteTotals;
}

/**
 * Ranks by total distance, longest first; a tie goes to whoever reached the total earlier, then to
 * the smaller athlete id, so every athlete has a distinct rank and the order never depends on input order.
 */
export function rank(athletes: readonly RankedAthlete[], goalMetres: number): Ranking[] {
  return [...athletes].sort(compareAthletes).map(({ athleteId, athleteName, totals }, index) => ({
    rank: index + 1,
    athleteId,
    athleteName,
    distanceMetres: totals.distanceMetres,
    movingTimeSeconds: totals.movingTimeSeconds,
    elevationMetres: totals.elevationMetres,
    activityCount: totals.activityCount,
    progress: progressTowards(totals.distanceMetres, goalMetres),
  }));
}

function compareAthletes(a: RankedAthlete, b: RankedAthlete): number {
  return (
    b.totals.distanceMetres - a.totals.distanceMetres ||
    (a.totals.reachedAt ?? Number.POSITIVE_INFINITY) - (b.totals.reachedAt ?? Number.POSITIVE_INFINITY) ||
    (a.athleteId < b.athleteId ? -1 : a.athleteId > b.athleteId ? 1 : 0)
  );
}

/** Percent of the goal, floored to two decimals and capped at 100. */
export function progressTowards(distanceMetres: number, goalMetres: number): number {
  return Math.min(100, Math.floor((distanceMetres * 10_000) / goalMetres) / 100);
}

export interface RankingChanges {
  newPositions: NewPosition[];
  positionsGained: PositionChange[];
  positionsLost: PositionChange[];
}

/** Who entered the ranking, and who moved up or down, against the ranks before. */
export function compareRanks(previous: Readonly<Record<string, number>>, rankings: readonly Ranking[]): RankingChanges {
  const changes: RankingChanges = { newPositions: [], positionsGained: [], positionsLost: [] };
  for (const { athleteId, rank } of rankings) {
    const previousRank = previous[athleteId];
    if (previousRank === undefined) changes.newPositions.push({ athleteId, rank });
    else if (rank < previousRank) changes.positionsGained.push({ athleteId, rank, previousRank, places: previousRank - rank });
    else if (rank > previousRank) changes.positionsLost.push({ athleteId, rank, previousRank, places: rank - previousRank });
  }
  return changes;
}
