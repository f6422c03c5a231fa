import { Forbidden, systemActor } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { commandMutation, refusalsOf } from '../../../graphql/command-mutation.js';
import { dispatch } from '../../../graphql/dispatch.js';
import { byCommand } from '../../../graphql/field-access.js';
import { athleteAggregate } from '../athlete-aggregate.js';
import { challengeAggregate } from '../challenge-aggregate.js';
import { CHALLENGES_PROJECTION } from '../challenges-projector.js';
import { LEADERBOARDS_PROJECTION } from '../leaderboards-projector.js';
import { loadChallenge } from './challenge-reads.js';
import { ActivityTypeEnum, ChallengeType, GenderCategoryEnum } from './challenge-type.js';

// Every challenge mutation answers with the challenge as projected once its command is done.
const waitFor = [CHALLENGES_PROJECTION, LEADERBOARDS_PROJECTION];

commandMutation('createChallenge', {
  aggregate: challengeAggregate,
  command: 'CreateChallenge',
  description: 'Creates a challenge; its slug comes from the name and must be free.',
  arguments: {
    input: (t) => ({
      id: t.id({ required: true }),
      name: t.string({ required: true }),
      description: t.string({ required: true }),
      startDate: t.field({ type: 'DateTime', required: true }),
      endDate: t.field({ type: 'DateTime', required: true, description: 'Must be after the start date.' }),
      goalMetres: t.field({ type: 'SafeInt', required: true, description: 'Greater than 0.' }),
      activityType: t.field({ type: ActivityTypeEnum, required: true }),
    }),
  },
  toCommand: ({ id, startDate, endDate, ...challenge }) => ({
    challengeId: id,
    ...challenge,
    startDate: startDate.toISOString(),
    endDate: endDate.toISOString(),
  }),
  type: ChallengeType,
  waitFor,
  result: (ctx, command) => loadChallenge(ctx, command.challengeId),
});

const lifecycleMutations = [
  { field: 'hostChallenge', command: 'HostChallenge', description: 'Opens the challenge for competitors.' },
  {
    field: 'startChallenge',
    command: 'StartChallenge',
    description: 'Starts a hosted challenge now (the clock does it at the start date).',
  },
  { field: 'endChallenge', command: 'EndChallenge', description: 'Ends a running challenge now (the clock does it at the end date).' },
] as const;

for (const { field, command, description } of lifecycleMutations) {
  commandMutation(field, {
    aggregate: challengeAggregate,
    command,
    description,
    arguments: { args: (t) => ({ challengeId: t.id({ required: true }) }) },
    type: ChallengeType,
    waitFor,
    result: (ctx, { challengeId }) => loadChallenge(ctx, challengeId),
  });
}

const JoinChallengeInput = builder.inputType('JoinChallengeInput', {
  fields: (t) => ({
    challengeId: t.id({ required: true }),
    athleteId: t.id({ required: true }),
    athleteName: t.string({ required: true }),
    category: t.field({ type: GenderCategoryEnum, description: 'A category besides OVERALL, if any.' }),
  }),
});

// Joining sends two commands: the join, then the registration of the athlete it names.
builder.mutationField('joinChallenge', (t) =>
  t.field({
    access: byCommand('RegisterAthlete', 'JoinChallenge'),
    type: ChallengeType,
    errors: { types: [...refusalsOf(challengeAggregate, 'JoinChallenge'), ...refusalsOf(athleteAggregate, 'RegisterAthlete')] },
    args: { input: t.arg({ type: JoinChallengeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { challengeId, athleteId, athleteName, category } = input;
      await dispatch(
        ctx,
        { type: 'JoinChallenge', challengeId, athleteId, athleteName, category: category ?? null },
        { consistency: 'strong', projections: waitFor },
      );
      const joined = await loadChallenge(ctx, challengeId);
      // A first join registers the athlete as the joiner's. Two actors racing to join one new athlete
      // both pass the join's rule; only one registers it, and the other's join is undone (as the
      // system: the challenge's own correction) and refused.
      try {
        await dispatch(ctx, { type: 'RegisterAthlete', athleteId });
      } catch (error) {
        if (!(error instanceof Forbidden)) throw error;
        await ctx.app.router.dispatch({ type: 'LeaveChallenge', challengeId, athleteId }, { actor: systemActor('athlete-registration') });
        throw error;
      }
      return joined;
    },
  }),
);

commandMutation('leaveChallenge', {
  aggregate: challengeAggregate,
  command: 'LeaveChallenge',
  description: 'The athlete leaves; the leaderboards re-rank without them.',
  arguments: { input: (t) => ({ challengeId: t.id({ required: true }), athleteId: t.id({ required: true }) }) },
  type: ChallengeType,
  waitFor,
  result: (ctx, command) => loadChallenge(ctx, command.challengeId),
});

commandMutation('importActivity', {
  aggregate: challengeAggregate,
  command: 'ImportActivity',
  description: 'Counts an activity toward its athlete’s total and re-ranks the leaderboards.',
  arguments: {
    input: (t) => ({
      challengeId: t.id({ required: true }),
      activityId: t.id({ required: true }),
      athleteId: t.id({ required: true }),
      activityType: t.field({ type: ActivityTypeEnum, required: true }),
      startDateLocal: t.field({ type: 'DateTime', required: true }),
      distanceMetres: t.field({ type: 'SafeInt', required: true }),
      movingTimeSeconds: t.field({ type: 'SafeInt', required: true }),
      elevationMetres: t.field({ type: 'SafeInt', required: true }),
    }),
  },
  toCommand: ({ startDateLocal, ...activity }) => ({ ...activity, startDateLocal: startDateLocal.toISOString() }),
  type: ChallengeType,
  waitFor,
  result: (ctx, command) => loadChallenge(ctx, command.challengeId),
});

commandMutation('removeActivity', {
  aggregate: challengeAggregate,
  command: 'RemoveActivity',
  description: 'The athlete deleted the activity at the source: it stops counting.',
  arguments: { input: (t) => ({ challengeId: t.id({ required: true }), activityId: t.id({ required: true }) }) },
  type: ChallengeType,
  waitFor,
  result: (ctx, command) => loadChallenge(ctx, command.challengeId),
});
