import { builder } from '../../../graphql/builder.js';
import type { ChallengeNotificationsTable } from '../challenge-tables.js';
import { ChallengeCategoryEnum } from './challenge-type.js';

export const NotificationType = builder.objectRef<ChallengeNotificationsTable>('Notification').implement({
  description: 'A message to an athlete: so far, that they lost places on a leaderboard.',
  fields: (t) => ({
    id: t.exposeID('notification_id'),
    athleteId: t.exposeID('athlete_id'),
    challengeId: t.exposeID('challenge_id'),
    category: t.field({ type: ChallengeCategoryEnum, resolve: (row) => row.category }),
    message: t.exposeString('message'),
    rank: t.exposeInt('rank', { description: 'The rank after losing places.' }),
    placesLost: t.exposeInt('places_lost'),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.created_at }),
    readAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was acknowledged.', resolve: (row) => row.read_at }),
  }),
});
