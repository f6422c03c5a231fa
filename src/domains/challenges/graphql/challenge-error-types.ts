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

errorType(ChallengeExists);
errorType(ChallengeNotFound);
errorType(ChallengeSlugTaken);
errorType(ChallengeNotHosted);
errorType(ChallengeAlreadyHosted);
errorType(ChallengeNotStarted);
errorType(ChallengeAlreadyStarted);
errorType(ChallengeAlreadyEnded);
errorType(AlreadyACompetitor);
errorType(NotACompetitor);
errorType(DuplicateActivity);
errorType(OutsideChallengePeriod);
errorType(WrongActivityType);
errorType(ActivityNotFound);
