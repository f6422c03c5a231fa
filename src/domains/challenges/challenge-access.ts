import { type AccessRule, ownerOf } from '../../es/index.js';
import { athleteAggregate } from './athlete-aggregate.js';
import type { ChallengeState } from './challenge-aggregate.js';

/** Only the owner of the athlete the input names (whoever registered it by joining it first). */
export const athleteOwner = ownerOf(athleteAggregate, (input: { athleteId: string }) => input.athleteId);

/** Joining: the athlete's owner, or anyone while nobody has registered it (a successful join registers it). */
export const athleteOwnerOrNew = ownerOf(athleteAggregate, (input: { athleteId: string }) => input.athleteId, { unclaimed: 'allowed' });

/** Removing an activity: only the owner of the athlete it counts for, as the challenge records it. */
export const activityOwner: AccessRule<{ activityId: string }> = {
  allows: 'the owner of the athlete',
  async check(command, context) {
    const state = context.target?.state as ChallengeState | undefined;
    const athleteId = state?.activities[command.activityId]?.athleteId;
    // No such activity: the challenge refuses it and appends nothing.
    if (athleteId === undefined && context.target?.decided.length === 0) return;
    await athleteOwner.check({ athleteId: athleteId ?? '' }, context);
  },
};
