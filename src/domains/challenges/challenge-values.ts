export const activityTypes = ['RIDE', 'RUN', 'SWIM', 'WALK', 'HIKE'] as const;
export type ActivityType = (typeof activityTypes)[number];

/** Every competitor is ranked OVERALL, and also in MEN or WOMEN when they chose one. */
export const challengeCategories = ['OVERALL', 'MEN', 'WOMEN'] as const;
export type ChallengeCategory = (typeof challengeCategories)[number];

export const challengeStatuses = ['CREATED', 'HOSTED', 'ACTIVE', 'ENDED'] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];
