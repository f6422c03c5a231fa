import { z } from 'zod';
import { type CommandOf, defineCommands } from '../../es/index.js';
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
} from './challenge-errors.js';
import { activityDetailsSchema, activityTypes, idSchema, isoDateSchema, wholeNonNegative } from './challenge-values.js';

const challengeIdOnly = z.object({ challengeId: idSchema });
/** A challenge's or an athlete's name. */
const nameSchema = z
  .string()
  .max(120, 'must be at most 120 characters')
  .refine((name) => name.trim().length > 0, 'must not be blank');

/**
 * Commands to a challenge. The lifecycle steps are CREATED → HOSTED → ACTIVE → ENDED, each
 * out-of-order step refused with its own error; the clock process sends StartChallenge and
 * EndChallenge at the dates, the competitor process ImportActivity and RemoveActivity.
 */
export const challengeCommands = defineCommands({
  CreateChallenge: {
    schema: z
      .object({
        challengeId: idSchema,
        name: nameSchema,
        description: z.string().max(5_000, 'must be at most 5000 characters'),
        startDate: isoDateSchema,
        endDate: isoDateSchema,
        goalMetres: wholeNonNegative('metres').positive('must be greater than 0'),
        activityType: z.enum(activityTypes),
      })
      .refine((challenge) => Date.parse(challenge.endDate) > Date.parse(challenge.startDate), {
        message: 'must be after the start date',
        path: ['endDate'],
      }),
    // The slug is claimed by the uniqueness middleware (challenges-module.ts).
    refusals: [ChallengeExists, ChallengeSlugTaken],
  },
  HostChallenge: {
    schema: challengeIdOnly,
    refusals: [ChallengeNotFound, ChallengeAlreadyHosted, ChallengeAlreadyStarted, ChallengeAlreadyEnded],
  },
  StartChallenge: {
    schema: challengeIdOnly,
    refusals: [ChallengeNotFound, ChallengeNotHosted, ChallengeAlreadyStarted, ChallengeAlreadyEnded],
  },
  EndChallenge: { schema: challengeIdOnly, refusals: [ChallengeNotFound, ChallengeNotHosted, ChallengeNotStarted, ChallengeAlreadyEnded] },
  JoinChallenge: {
    schema: z.object({
      challengeId: idSchema,
      athleteId: idSchema,
      athleteName: nameSchema,
      category: z.enum(['MEN', 'WOMEN']).nullable(),
    }),
    refusals: [ChallengeNotFound, ChallengeNotHosted, ChallengeAlreadyEnded, AlreadyACompetitor],
  },
  LeaveChallenge: {
    schema: z.object({ challengeId: idSchema, athleteId: idSchema }),
    refusals: [ChallengeNotFound, NotACompetitor, ChallengeAlreadyEnded],
  },
  ImportActivity: {
    schema: activityDetailsSchema.extend({ challengeId: idSchema }),
    refusals: [ChallengeNotFound, DuplicateActivity, NotACompetitor, OutsideChallengePeriod, WrongActivityType],
  },
  RemoveActivity: {
    schema: z.object({ challengeId: idSchema, activityId: idSchema }),
    refusals: [ChallengeNotFound, ActivityNotFound, ChallengeAlreadyEnded],
  },
});

export type ChallengeCommand = CommandOf<typeof challengeCommands>;
