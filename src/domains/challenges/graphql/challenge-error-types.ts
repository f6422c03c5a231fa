import { errorType } from '../../../graphql/types/errors.js';
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

errorType(ChallengeExists, 'ChallengeExistsError', 'A challenge with this id already exists.');
errorType(ChallengeNotFound, 'ChallengeNotFoundError', 'No challenge has this id.');
errorType(ChallengeSlugTaken, 'ChallengeSlugTakenError', 'Another challenge has a name that gives the same URL slug.');
errorType(ChallengeNotHosted, 'ChallengeNotHostedError', 'The challenge has not been hosted yet.');
errorType(ChallengeAlreadyHosted, 'ChallengeAlreadyHostedError', 'The challenge is already hosted.');
errorType(ChallengeNotStarted, 'ChallengeNotStartedError', 'The challenge has not started yet.');
errorType(ChallengeAlreadyStarted, 'ChallengeAlreadyStartedError', 'The challenge has already started.');
errorType(ChallengeAlreadyEnded, 'ChallengeAlreadyEndedError', 'The challenge has ended; its results are final.');
errorType(AlreadyACompetitor, 'AlreadyACompetitorError', 'The athlete already competes in this challenge.');
errorType(NotACompetitor, 'NotACompetitorError', 'The athlete does not compete in this challenge.');
errorType(DuplicateActivity, 'DuplicateActivityError', 'The activity was already imported into this challenge.');
errorType(
  OutsideChallengePeriod,
  'OutsideChallengePeriodError',
  'The challenge is not running, or the activity started outside its period.',
);
errorType(WrongActivityType, 'WrongActivityTypeError', 'The activity is not of the type the challenge counts.');
errorType(ActivityNotFound, 'ActivityNotFoundError', 'No activity with this id counts in the challenge.');
