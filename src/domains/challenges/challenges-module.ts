import type { DomainModule } from '../../app/domain-module.js';
import { admin } from '../../auth/admin-role.js';
import { authenticated, owner, systemOnly } from '../../es/index.js';
import { athleteAggregate } from './athlete-aggregate.js';
import { activityWebhookRoute } from './http/activity-webhook-route.js';
import { liveAssetsRoute, liveChallengePageRoute } from './http/live-challenge-routes.js';
import { activityOwner, athleteOwner, athleteOwnerOrNew } from './challenge-access.js';
import { challengeAggregate } from './challenge-aggregate.js';
import { ChallengeSlugTaken } from './challenge-errors.js';
import { slugOf } from './challenge-slug.js';
import { challengesProjector } from './challenges-projector.js';
import { leaderboardsProjector } from './leaderboards-projector.js';
import { challengeCompetitorProcess } from './challenge-competitor-process.js';
import { trackerActivityAggregate } from './tracker-activity-aggregate.js';
import { lostPlaceNotifier } from './lost-place-notifier.js';
import { challengeClockProcess } from './challenge-clock-process.js';
import { challengesMigrations } from './migrations/index.js';
import { challengePersonalData } from './challenge-events.js';
// The slice's GraphQL types and fields, registered on the shared builder when the slice is listed.
import './graphql/index.js';

export const challengesModule: DomainModule = {
  name: 'challenges',
  migrations: challengesMigrations,
  personalData: challengePersonalData,
  routes: [activityWebhookRoute, liveChallengePageRoute, liveAssetsRoute],
  register({ router, runtimes }) {
    router.register(challengeAggregate, {
      CreateChallenge: {
        identity: 'challengeId',
        unique: (command) => [{ scope: 'challenge-slug', value: slugOf(command.name), error: ChallengeSlugTaken }],
        access: authenticated,
      },
      HostChallenge: { identity: 'challengeId', access: admin },
      StartChallenge: { identity: 'challengeId', access: admin },
      EndChallenge: { identity: 'challengeId', access: admin },
      // An athlete belongs to whoever registered it (a first successful join does): only they move it.
      JoinChallenge: { identity: 'challengeId', access: athleteOwnerOrNew },
      LeaveChallenge: { identity: 'challengeId', access: athleteOwner },
      ImportActivity: { identity: 'challengeId', access: athleteOwner },
      RemoveActivity: { identity: 'challengeId', access: activityOwner },
    });
    router.register(athleteAggregate, {
      RegisterAthlete: { identity: 'athleteId', access: owner },
    });
    // The tracker's activities arrive through the signed webhook, which sends them as the system.
    router.register(trackerActivityAggregate, {
      ReceiveTrackerActivity: { identity: 'activityId', access: systemOnly },
      DeleteTrackerActivity: { identity: 'activityId', access: systemOnly },
    });
    runtimes.addProjector(challengesProjector).addProjector(leaderboardsProjector).addProcessManager(challengeCompetitorProcess);
    runtimes.addEventHandler(lostPlaceNotifier).addProcessManager(challengeClockProcess);
  },
};
