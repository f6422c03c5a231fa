import { defineAggregate, type DomainError } from '../../es/index.js';
import { type ChallengeCommand, challengeCommands } from './challenge-commands.js';
import {
  ActivityNotFound,
  AlreadyACompetitor,
  ChallengeAlreadyEnded,
  ChallengeAlreadyHosted,
  ChallengeAlreadyStarted,
  ChallengeExists,
  ChallengeNotFound,
  ChallengeNotHosted,
  ChallengeNotStarted,
  DuplicateActivity,
  NotACompetitor,
  OutsideChallengePeriod,
  WrongActivityType,
} from './challenge-errors.js';
import { athleteSubject, type ChallengeEvent } from './challenge-events.js';
import { slugOf } from './challenge-slug.js';
import type { ActivityDetails, ActivityType, ChallengeCategory, ChallengeStatus } from './challenge-values.js';
import { type AthleteTotals, compareRanks, noTotals, rank } from './leaderboard-ranking.js';

export interface ChallengeState {
  status: 'NONE' | ChallengeStatus;
  name: string;
  startDate: string;
  endDate: string;
  goalMetres: number;
  activityType: ActivityType;
  competitors: Record<string, { athleteName: string; categories: ChallengeCategory[] }>;
  /** Activities that count, by id. An athlete who leaves keeps theirs: they count again on rejoining. */
  activities: Record<string, ActivityDetails>;
  /** Every activity id ever recorded, removed ones included: an activity is imported once. */
  seenActivities: Record<string, true>;
  totals: Record<string, AthleteTotals>;
  /** The last published rank of each athlete, per category. */
  ranks: Partial<Record<ChallengeCategory, Record<string, number>>>;
  finishers: Record<string, true>;
}

const initialState: ChallengeState = {
  status: 'NONE',
  name: '',
  startDate: '',
  endDate: '',
  goalMetres: 0,
  activityType: 'RIDE',
  competitors: {},
  activities: {},
  seenActivities: {},
  totals: {},
  ranks: {},
  finishers: {},
};

/**
 * A distance challenge: created, hosted (open for joining), started, ended. Imported activities
 * count toward each competitor's total; every change re-ranks the categories it touches and
 * publishes who moved.
 */
export const challengeAggregate = defineAggregate<ChallengeState, ChallengeCommand, ChallengeEvent>({
  name: 'challenge',
  commands: challengeCommands,
  initialState,
  snapshot: {
    every: 200,
    schemaVersion: 1,
    personalData: { 'competitors.*.athleteName': (_competitor, { matched: [athleteId] }) => athleteSubject(athleteId!) },
  },

  execute(state, command) {
    const { challengeId } = command;
    if (command.type === 'CreateChallenge') {
      if (state.status !== 'NONE') return new ChallengeExists();
      const { type: _type, ...data } = command;
      return { type: 'ChallengeCreated', data: { ...data, slug: slugOf(command.name) } };
    }
    if (state.status === 'NONE') return new ChallengeNotFound();

    switch (command.type) {
      case 'HostChallenge':
        return lifecycleError(state.status, 'CREATED') ?? { type: 'ChallengeHosted', data: { challengeId } };
      case 'StartChallenge':
        return lifecycleError(state.status, 'HOSTED') ?? { type: 'ChallengeStarted', data: { challengeId } };
      case 'EndChallenge':
        return lifecycleError(state.status, 'ACTIVE') ?? { type: 'ChallengeEnded', data: { challengeId } };

      case 'JoinChallenge': {
        if (state.status === 'CREATED') return new ChallengeNotHosted();
        if (state.status === 'ENDED') return new ChallengeAlreadyEnded();
        if (state.competitors[command.athleteId]) return new AlreadyACompetitor();
        const { athleteId, athleteName, category } = command;
        const categories: ChallengeCategory[] = category ? ['OVERALL', category] : ['OVERALL'];
        return andRank(state, { type: 'CompetitorJoined', data: { challengeId, athleteId, athleteName, categories } }, categories);
      }
      case 'LeaveChallenge': {
        const competitor = state.competitors[command.athleteId];
        if (!competitor) return new NotACompetitor();
        if (state.status === 'ENDED') return new ChallengeAlreadyEnded();
        return andRank(state, { type: 'CompetitorLeft', data: { challengeId, athleteId: command.athleteId } }, competitor.categories);
      }

      case 'ImportActivity': {
        const { type: _type, challengeId: _id, ...activity } = command;
        const refusal = importRefusal(state, activity);
        if (refusal) return refusal;
        const recorded: ChallengeEvent = { type: 'ActivityRecorded', data: { challengeId, ...activity } };
        const events = andRank(state, recorded, state.competitors[activity.athleteId]!.categories);
        const after = apply(state, recorded);
        const distanceMetres = after.totals[activity.athleteId]!.distanceMetres;
        if (distanceMetres >= state.goalMetres && !state.finishers[activity.athleteId]) {
          const { athleteName } = state.competitors[activity.athleteId]!;
          const badge: ChallengeEvent = {
            type: 'GoalAchieved',
            data: { challengeId, athleteId: activity.athleteId, athleteName, distanceMetres, goalMetres: state.goalMetres },
          };
          events.splice(1, 0, badge);
        }
        return events;
      }
      case 'RemoveActivity': {
        const activity = state.activities[command.activityId];
        if (!activity) return new ActivityNotFound();
        if (state.status === 'ENDED') return new ChallengeAlreadyEnded();
        const categories = state.competitors[activity.athleteId]?.categories ?? [];
        return andRank(state, { type: 'ActivityRemoved', data: { challengeId, ...activity } }, categories);
      }
    }
  },

  apply,
});

/** The one step each lifecycle command may take, and the error for every other status. */
function lifecycleError(status: ChallengeStatus, expected: ChallengeStatus): DomainError | undefined {
  if (status === expected) return undefined;
  if (status === 'ENDED') return new ChallengeAlreadyEnded();
  if (status === 'ACTIVE') return new ChallengeAlreadyStarted();
  if (status === 'HOSTED') return expected === 'CREATED' ? new ChallengeAlreadyHosted() : new ChallengeNotStarted();
  return new ChallengeNotHosted();
}

/** Each rule an imported activity must pass, in order, with its own error. */
function importRefusal(state: ChallengeState, activity: ActivityDetails): DomainError | undefined {
  if (state.seenActivities[activity.activityId]) return new DuplicateActivity();
  if (!state.competitors[activity.athleteId]) return new NotACompetitor();
  const startedAt = Date.parse(activity.startDateLocal);
  if (state.status !== 'ACTIVE' || !(startedAt >= Date.parse(state.startDate) && startedAt < Date.parse(state.endDate))) {
    return new OutsideChallengePeriod();
  }
  if (activity.activityType !== state.activityType) {
    return new WrongActivityType(`The challenge counts ${state.activityType} activities; this one is a ${activity.activityType}`);
  }
  return undefined;
}

/** The event, followed by the new ranking of every category it touches. */
function andRank(state: ChallengeState, event: ChallengeEvent, categories: readonly ChallengeCategory[]): ChallengeEvent[] {
  const after = apply(state, event);
  const events: ChallengeEvent[] = [event];
  for (const category of categories) {
    const competitors = Object.entries(after.competitors).filter(([, competitor]) => competitor.categories.includes(category));
    const rankings = rank(
      competitors.map(([athleteId, { athleteName }]) => ({ athleteId, athleteName, totals: after.totals[athleteId] ?? noTotals })),
      after.goalMetres,
    );
    events.push({
      type: 'LeaderboardRanked',
      data: {
        challengeId: event.data.challengeId,
        challengeName: after.name,
        endDate: after.endDate,
        category,
        rankings,
        ...compareRanks(after.ranks[category] ?? {}, rankings),
      },
    });
  }
  return events;
}

function apply(state: ChallengeState, event: ChallengeEvent): ChallengeState {
  switch (event.type) {
    case 'ChallengeCreated': {
      const { name, startDate, endDate, goalMetres, activityType } = event.data;
      return { ...state, status: 'CREATED', name, startDate, endDate, goalMetres, activityType };
    }
    case 'ChallengeHosted':
      return { ...state, status: 'HOSTED' };
    case 'ChallengeStarted':
      return { ...state, status: 'ACTIVE' };
    case 'ChallengeEnded':
      return { ...state, status: 'ENDED' };
    case 'CompetitorJoined': {
      const { athleteId, athleteName, categories } = event.data;
      return { ...state, competitors: { ...state.competitors, [athleteId]: { athleteName, categories } } };
    }
    case 'CompetitorLeft': {
      const { [event.data.athleteId]: _left, ...competitors } = state.competitors;
      return { ...state, competitors };
    }
    case 'ActivityRecorded': {
      const { challengeId: _id, ...activity } = event.data;
      const activities = { ...state.activities, [activity.activityId]: activity };
      return {
        ...state,
        activities,
        seenActivities: { ...state.seenActivities, [activity.activityId]: true },
        totals: { ...state.totals, [activity.athleteId]: withActivity(state.totals[activity.athleteId] ?? noTotals, activity) },
      };
    }
    case 'ActivityRemoved': {
      const { [event.data.activityId]: _removed, ...activities } = state.activities;
      return { ...state, activities, totals: { ...state.totals, [event.data.athleteId]: totalsOf(activities, event.data.athleteId) } };
    }
    case 'LeaderboardRanked': {
      const ranks = Object.fromEntries(event.data.rankings.map((ranking) => [ranking.athleteId, ranking.rank]));
      return { ...state, ranks: { ...state.ranks, [event.data.category]: ranks } };
    }
    case 'GoalAchieved':
      return { ...state, finishers: { ...state.finishers, [event.data.athleteId]: true } };
  }
}

/** Totals from scratch, after a removal (a recorded activity just adds to them). */
function totalsOf(activities: Record<string, ActivityDetails>, athleteId: string): AthleteTotals {
  let totals = noTotals;
  for (const activity of Object.values(activities)) if (activity.athleteId === athleteId) totals = withActivity(totals, activity);
  return totals;
}

function withActivity(totals: AthleteTotals, activity: ActivityDetails): AthleteTotals {
  const endedAt = Date.parse(activity.startDateLocal) + activity.movingTimeSeconds * 1_000;
  return {
    distanceMetres: totals.distanceMetres + activity.distanceMetres,
    movingTimeSeconds: totals.movingTimeSeconds + activity.movingTimeSeconds,
    elevationMetres: totals.elevationMetres + activity.elevationMetres,
    activityCount: totals.activityCount + 1,
    reachedAt: Math.max(totals.reachedAt ?? endedAt, endedAt),
  };
}
