import { builder } from '../../../graphql/builder.js';
import type { Ranking } from '../challenge-events.js';

/** A ranking row, from the leaderboard projection or straight from a LeaderboardRanked event. */
export const LeaderboardEntryType = builder.objectRef<Ranking>('LeaderboardEntry').implement({
  description: 'One athlete’s place in a category: totals over the activities that count.',
  fields: (t) => ({
    rank: t.exposeInt('rank'),
    athleteId: t.exposeID('athleteId'),
    athleteName: t.exposeString('athleteName'),
    distanceMetres: t.field({ type: 'SafeInt', resolve: (entry) => entry.distanceMetres }),
    movingTimeSeconds: t.field({ type: 'SafeInt', resolve: (entry) => entry.movingTimeSeconds }),
    elevationMetres: t.field({ type: 'SafeInt', resolve: (entry) => entry.elevationMetres }),
    activityCount: t.exposeInt('activityCount'),
    progress: t.exposeFloat('progress', { description: 'Percent of the goal reached, capped at 100.' }),
  }),
});
