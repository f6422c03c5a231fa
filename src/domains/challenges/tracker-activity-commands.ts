import { type CommandOf, defineCommands } from '../../es/index.js';
import { activityDetailsSchema } from './challenge-values.js';

/**
 * What the tracker told us about one of its activities (identity: the tracker's activity id).
 * Repeats are no-ops and a deletion is final, so neither is ever refused.
 */
export const trackerActivityCommands = defineCommands({
  // The same rules as importing the activity into a challenge.
  ReceiveTrackerActivity: { schema: activityDetailsSchema, refusals: [] },
  // A deletion names the activity and its athlete by the same ids.
  DeleteTrackerActivity: { schema: activityDetailsSchema.pick({ activityId: true, athleteId: true }), refusals: [] },
});

export type TrackerActivityCommand = CommandOf<typeof trackerActivityCommands>;
