import { importActivitySchema } from './challenge-command-schemas.js';

/** An activity as the tracker reported it: the same rules as importing it into a challenge. */
export const receiveTrackerActivitySchema = importActivitySchema.omit({ challengeId: true });

/** A deletion names the activity and its athlete by the same ids. */
export const deleteTrackerActivitySchema = receiveTrackerActivitySchema.pick({ activityId: true, athleteId: true });
