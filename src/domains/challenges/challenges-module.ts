import type { DomainModule } from '../../app/domain-module.js';
import { challengeAggregate } from './challenge-aggregate.js';
import {
  challengeIdOnlySchema,
  createChallengeSchema,
  importActivitySchema,
  joinChallengeSchema,
  leaveChallengeSchema,
  removeActivitySchema,
} from './challenge-command-schemas.js';
import { ChallengeSlugTaken } from './challenge-errors.js';
import { slugOf } from './challenge-slug.js';
import { challengesProjector } from './challenges-projector.js';
import { leaderboardsProjector } from './leaderboards-projector.js';
import { challengeCompetitorProcess } from './challenge-competitor-process.js';
import { trackerActivityAggregate } from './tracker-activity-aggregate.js';
import { deleteTrackerActivitySchema, receiveTrackerActivitySchema } from './tracker-activity-command-schemas.js';
import { lostPlaceNotifier } from './lost-place-notifier.js';
import { challengeClockProcess } from './challenge-clock-process.js';

export const challengesModule: DomainModule = {
  name: 'challenges',
  register({ router, runtimes }) {
    router.register(challengeAggregate, {
      CreateChallenge: {
        identity: 'challengeId',
        schema: createChallengeSchema,
        unique: (command) => [{ scope: 'challenge-slug', value: slugOf(command.name), error: ChallengeSlugTaken }],
      },
      HostChallenge: { identity: 'challengeId', schema: challengeIdOnlySchema },
      StartChallenge: { identity: 'challengeId', schema: challengeIdOnlySchema },
      EndChallenge: { identity: 'challengeId', schema: challengeIdOnlySchema },
      JoinChallenge: { identity: 'challengeId', schema: joinChallengeSchema },
      LeaveChallenge: { identity: 'challengeId', schema: leaveChallengeSchema },
      ImportActivity: { identity: 'challengeId', schema: importActivitySchema },
      RemoveActivity: { identity: 'challengeId', schema: removeActivitySchema },
    });
    router.register(trackerActivityAggregate, {
      ReceiveTrackerActivity: { identity: 'activityId', schema: receiveTrackerActivitySchema },
      DeleteTrackerActivity: { identity: 'activityId', schema: deleteTrackerActivitySchema },
    });
    runtimes.addProjector(challengesProjector).addProjector(leaderboardsProjector).addProcessManager(challengeCompetitorProcess);
    runtimes.addEventHandler(lostPlaceNotifier).addProcessManager(challengeClockProcess);
  },
};
