import type { ActivityDetails } from './challenge-commands.js';

/** What the tracker told us about one of its activities (identity: the tracker's activity id). */
export type TrackerActivityCommand =
  | ({ type: 'ReceiveTrackerActivity' } & ActivityDetails)
  | { type: 'DeleteTrackerActivity'; activityId: string; athleteId: string };
