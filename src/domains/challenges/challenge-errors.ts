import { domainError } from '../../es/index.js';

export const ChallengeExists = domainError(
  'CHALLENGE_EXISTS',
  'A challenge with this id already exists',
  'A challenge with this id already exists.',
);
export const ChallengeNotFound = domainError('CHALLENGE_NOT_FOUND', 'No challenge has this id', 'No challenge has this id.');
export const ChallengeSlugTaken = domainError(
  'CHALLENGE_SLUG_TAKEN',
  'Another challenge already has a name giving this URL slug',
  'Another challenge has a name that gives the same URL slug.',
);
export const ChallengeNotHosted = domainError(
  'CHALLENGE_NOT_HOSTED',
  'The challenge has not been hosted yet',
  'The challenge has not been hosted yet.',
);
export const ChallengeAlreadyHosted = domainError(
  'CHALLENGE_ALREADY_HOSTED',
  'The challenge is already hosted',
  'The challenge is already hosted.',
);
export const ChallengeNotStarted = domainError(
  'CHALLENGE_NOT_STARTED',
  'The challenge has not started yet',
  'The challenge has not started yet.',
);
export const ChallengeAlreadyStarted = domainError(
  'CHALLENGE_ALREADY_STARTED',
  'The challenge has already started',
  'The challenge has already started.',
);
export const ChallengeAlreadyEnded = domainError(
  'CHALLENGE_ALREADY_ENDED',
  'The challenge has already ended',
  'The challenge has ended; its results are final.',
);
export const AlreadyACompetitor = domainError(
  'ALREADY_A_COMPETITOR',
  'The athlete already competes in this challenge',
  'The athlete already competes in this challenge.',
);
export const NotACompetitor = domainError(
  'NOT_A_COMPETITOR',
  'The athlete does not compete in this challenge',
  'The athlete does not compete in this challenge.',
);
export const DuplicateActivity = domainError(
  'DUPLICATE_ACTIVITY',
  'This activity was already imported into the challenge',
  'The activity was already imported into this challenge.',
);
export const OutsideChallengePeriod = domainError(
  'OUTSIDE_CHALLENGE_PERIOD',
  'The challenge is not running, or the activity started outside its period',
  'The challenge is not running, or the activity started outside its period.',
);
export const WrongActivityType = domainError(
  'WRONG_ACTIVITY_TYPE',
  'The activity is not of the challenge’s type',
  'The activity is not of the type the challenge counts.',
);
export const ActivityNotFound = domainError(
  'ACTIVITY_NOT_FOUND',
  'No activity with this id counts in the challenge',
  'No activity with this id counts in the challenge.',
);
export const NotificationNotFound = domainError('NOTIFICATION_NOT_FOUND', 'No notification has this id', 'No notification has this id.');
