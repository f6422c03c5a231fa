import { z } from 'zod';

export const activityTypes = ['RIDE', 'RUN', 'SWIM', 'WALK', 'HIKE'] as const;
export type ActivityType = (typeof activityTypes)[number];

/** Every competitor is ranked OVERALL, and also in MEN or WOMEN when they chose one. */
export const challengeCategories = ['OVERALL', 'MEN', 'WOMEN'] as const;
export type ChallengeCategory = (typeof challengeCategories)[number];

export const challengeStatuses = ['CREATED', 'HOSTED', 'ACTIVE', 'ENDED'] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];

/** The id of a challenge, an athlete or an activity. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be 1 to 64 letters, digits, dashes, dots, colons or underscores');

export const isoDateSchema = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date and time' });

export const wholeNonNegative = (unit: string) =>
  z.number().int(`must be a whole number of ${unit}`).nonnegative('must not be negative').max(Number.MAX_SAFE_INTEGER, 'is too large');

/**
 * An activity as the tracker reported it; dates are ISO-8601 strings, quantities whole numbers.
 * `startDateLocal` is the athlete's local start time, compared with the challenge period as is.
 */
export const activityDetailsSchema = z.object({
  activityId: idSchema,
  athleteId: idSchema,
  activityType: z.enum(activityTypes),
  startDateLocal: isoDateSchema,
  distanceMetres: wholeNonNegative('metres'),
  movingTimeSeconds: wholeNonNegative('seconds'),
  elevationMetres: wholeNonNegative('metres'),
});

export type ActivityDetails = z.output<typeof activityDetailsSchema>;
