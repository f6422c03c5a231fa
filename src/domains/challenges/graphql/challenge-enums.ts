import { builder } from '../../../graphql/builder.js';
import { activityTypes, challengeCategories, challengeStatuses } from '../challenge-values.js';

export const ActivityTypeEnum = builder.enumType('ActivityType', { values: activityTypes });
export const ChallengeCategoryEnum = builder.enumType('ChallengeCategory', {
  description: 'Every competitor is ranked OVERALL, and also in MEN or WOMEN when they chose one.',
  values: challengeCategories,
});
export const GenderCategoryEnum = builder.enumType('GenderCategory', { values: ['MEN', 'WOMEN'] as const });
export const ChallengeStatusEnum = builder.enumType('ChallengeStatus', {
  values: {
    CREATED: { description: 'Not yet open for competitors.' },
    HOSTED: { description: 'Open for competitors; not started.' },
    ACTIVE: { description: 'Running: activities count.' },
    ENDED: { description: 'Over; the results are final.' },
  },
});
