import { Forbidden, systemActor } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { dispatch } from '../../../graphql/dispatch.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { ChallengeCommand } from '../challenge-commands.js';
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
  ChallengeSlugTaken,
  DuplicateActivity,
  NotACompetitor,
  OutsideChallengePeriod,
  WrongActivityType,
} from '../challenge-errors.js';
import { CHALLENGES_PROJECTION } from '../challenges-projector.js';
import { LEADERBOARDS_PROJECTION } from '../leaderboards-projector.js';
import { ActivityTypeEnum, GenderCategoryEnum } from './challenge-enums.js';
import { loadChallenge } from './challenge-reads.js';
import { ChallengeType } from './challenge-type.js';
import { byCommand } from '../../../graphql/field-access.js';

/** Sends the command, waits until the challenge read models have it, and answers with the challenge as projected. */
async function execute(ctx: GraphQLContext, command: ChallengeCommand) {
  await dispatch(ctx, command, {
    consistency: 'strong',
    projections: [CHALLENGES_PROJECTION, LEADERBOARDS_PROJECTION],
  });
  return loadChallenge(ctx, command.challengeId);
}

const CreateChallengeInput = builder.inputType('CreateChallengeInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: true }),
    description: t.string({ required: true }),
    startDate: t.field({ type: 'DateTime', required: true }),
    endDate: t.field({ type: 'DateTime', required: true, description: 'Must be after the start date.' }),
    goalMetres: t.field({ type: 'SafeInt', required: true, description: 'Greater than 0.' }),
    activityType: t.field({ type: ActivityTypeEnum, required: true }),
  }),
});

const JoinChallengeInput = builder.inputType('JoinChallengeInput', {
  fields: (t) => ({
    challengeId: t.id({ required: true }),
    athleteId: t.id({ required: true }),
    athleteName: t.string({ required: true }),
    category: t.field({ type: GenderCategoryEnum, description: 'A category besides OVERALL, if any.' }),
  }),
});

const LeaveChallengeInput = builder.inputType('LeaveChallengeInput', {
  fields: (t) => ({ challengeId: t.id({ required: true }), athleteId: t.id({ required: true }) }),
});

const ImportActivityInput = builder.inputType('ImportActivityInput', {
  fields: (t) => ({
    challengeId: t.id({ required: true }),
    activityId: t.id({ required: true }),
    athleteId: t.id({ required: true }),
    activityType: t.field({ type: ActivityTypeEnum, required: true }),
    startDateLocal: t.field({ type: 'DateTime', required: true }),
    distanceMetres: t.field({ type: 'SafeInt', required: true }),
    movingTimeSeconds: t.field({ type: 'SafeInt', required: true }),
    elevationMetres: t.field({ type: 'SafeInt', required: true }),
  }),
});

const RemoveActivityInput = builder.inputType('RemoveActivityInput', {
  fields: (t) => ({ challengeId: t.id({ required: true }), activityId: t.id({ required: true }) }),
});

const iso = (date: Date) => date.toISOString();

/**
 * A first join registers the athlete as the joiner's. Two actors racing to join one new athlete
 * both pass the join's rule; only one registers it, and the other's join is undone (as the
 * system: the challenge's own correction) and refused.
 */
async function registerJoinedAthlete(ctx: GraphQLContext, challengeId: string, athleteId: string) {
  try {
    await dispatch(ctx, { type: 'RegisterAthlete', athleteId });
  } catch (error) {
    if (!(error instanceof Forbidden)) throw error;
    await ctx.app.router.dispatch({ type: 'LeaveChallenge', challengeId, athleteId }, { actor: systemActor('athlete-registration') });
    throw error;
  }
}

builder.mutationFields((t) => ({
  createChallenge: t.field({
    access: byCommand('CreateChallenge'),
    type: ChallengeType,
    description: 'Creates a challenge; its slug comes from the name and must be free.',
    errors: { types: [ChallengeExists, ChallengeSlugTaken] },
    args: { input: t.arg({ type: CreateChallengeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      execute(ctx, {
        type: 'CreateChallenge',
        challengeId: String(input.id),
        name: input.name,
        description: input.description,
        startDate: iso(input.startDate),
        endDate: iso(input.endDate),
        goalMetres: input.goalMetres,
        activityType: input.activityType,
      }),
  }),
  hostChallenge: t.field({
    access: byCommand('HostChallenge'),
    type: ChallengeType,
    description: 'Opens the challenge for competitors.',
    errors: { types: [ChallengeNotFound, ChallengeAlreadyHosted, ChallengeAlreadyStarted, ChallengeAlreadyEnded] },
    args: { challengeId: t.arg.id({ required: true }) },
    resolve: (_root, { challengeId }, ctx) => execute(ctx, { type: 'HostChallenge', challengeId: String(challengeId) }),
  }),
  startChallenge: t.field({
    access: byCommand('StartChallenge'),
    type: ChallengeType,
    description: 'Starts a hosted challenge now (the clock does it at the start date).',
    errors: { types: [ChallengeNotFound, ChallengeNotHosted, ChallengeAlreadyStarted, ChallengeAlreadyEnded] },
    args: { challengeId: t.arg.id({ required: true }) },
    resolve: (_root, { challengeId }, ctx) => execute(ctx, { type: 'StartChallenge', challengeId: String(challengeId) }),
  }),
  endChallenge: t.field({
    access: byCommand('EndChallenge'),
    type: ChallengeType,
    description: 'Ends a running challenge now (the clock does it at the end date).',
    errors: { types: [ChallengeNotFound, ChallengeNotHosted, ChallengeNotStarted, ChallengeAlreadyEnded] },
    args: { challengeId: t.arg.id({ required: true }) },
    resolve: (_root, { challengeId }, ctx) => execute(ctx, { type: 'EndChallenge', challengeId: String(challengeId) }),
  }),
  joinChallenge: t.field({
    access: byCommand('RegisterAthlete', 'JoinChallenge'),
    type: ChallengeType,
    errors: { types: [ChallengeNotFound, ChallengeNotHosted, ChallengeAlreadyEnded, AlreadyACompetitor] },
    args: { input: t.arg({ type: JoinChallengeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const challengeId = String(input.challengeId);
      const athleteId = String(input.athleteId);
      const joined = await execute(ctx, {
        type: 'JoinChallenge',
        challengeId,
        athleteId,
        athleteName: input.athleteName,
        category: input.category ?? null,
      });
      await registerJoinedAthlete(ctx, challengeId, athleteId);
      return joined;
    },
  }),
  leaveChallenge: t.field({
    access: byCommand('LeaveChallenge'),
    type: ChallengeType,
    description: 'The athlete leaves; the leaderboards re-rank without them.',
    errors: { types: [ChallengeNotFound, NotACompetitor, ChallengeAlreadyEnded] },
    args: { input: t.arg({ type: LeaveChallengeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      execute(ctx, { type: 'LeaveChallenge', challengeId: String(input.challengeId), athleteId: String(input.athleteId) }),
  }),
  importActivity: t.field({
    access: byCommand('ImportActivity'),
    type: ChallengeType,
    description: 'Counts an activity toward its athlete’s total and re-ranks the leaderboards.',
    errors: { types: [ChallengeNotFound, DuplicateActivity, NotACompetitor, OutsideChallengePeriod, WrongActivityType] },
    args: { input: t.arg({ type: ImportActivityInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      execute(ctx, {
        type: 'ImportActivity',
        challengeId: String(input.challengeId),
        activityId: String(input.activityId),
        athleteId: String(input.athleteId),
        activityType: input.activityType,
        startDateLocal: iso(input.startDateLocal),
        distanceMetres: input.distanceMetres,
        movingTimeSeconds: input.movingTimeSeconds,
        elevationMetres: input.elevationMetres,
      }),
  }),
  removeActivity: t.field({
    access: byCommand('RemoveActivity'),
    type: ChallengeType,
    description: 'The athlete deleted the activity at the source: it stops counting.',
    errors: { types: [ChallengeNotFound, ActivityNotFound, ChallengeAlreadyEnded] },
    args: { input: t.arg({ type: RemoveActivityInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      execute(ctx, { type: 'RemoveActivity', challengeId: String(input.challengeId), activityId: String(input.activityId) }),
  }),
}));
