import { z } from 'zod';
import { activityTypes } from './challenge-values.js';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be 1 to 64 letters, digits, dashes, dots, colons or underscores');
const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date and time' });
const wholeNonNegative = (unit: string) =>
  z.number().int(`must be a whole number of ${unit}`).nonnegative('must not be negative').max(Number.MAX_SAFE_INTEGER, 'is too large');

export const createChallengeSchema = z
  .object({
    challengeId: id,
    name: z
      .string()
      .max(120, 'must be at most 120 characters')
      .refine((name) => name.trim().length > 0, 'must not be blank'),
    description: z.string().max(5_000, 'must be at most 5000 characters'),
    startDate: isoDate,
    endDate: isoDate,
    goalMetres: wholeNonNegative('metres').positive('must be greater than 0'),
    activityType: z.enum(activityTypes),
  })
  .refine((challenge) => Date.parse(challenge.endDate) > Date.parse(challenge.startDate), {
    message: 'must be after the start date',
    path: ['endDate'],
  });

export const challengeIdOnlySchema = z.object({ challengeId: id });

export const joinChallengeSchema = z.object({
  challengeId: id,
  athleteId: id,
  athleteName: z
    .string()
    .max(120, 'must be at most 120 characters')
    .refine((name) => name.trim().length > 0, 'must not be blank'),
  category: z.enum(['MEN', 'WOMEN']).nullable(),
});

export const leaveChallengeSchema = z.object({ challengeId: id, athleteId: id });

export const importActivitySchema = z.object({
  challengeId: id,
  activityId: id,
  athleteId: id,
  activityType: z.enum(activityTypes),
  startDateLocal: isoDate,
  distanceMetres: wholeNonNegative('metres'),
  movingTimeSeconds: wholeNonNegative('seconds'),
  elevationMetres: wholeNonNegative('metres'),
});

export const removeActivitySchema = z.object({ challengeId: id, activityId: id });
