import { z } from 'zod';
import type { ActivityType } from '../challenge-values.js';
import { type TrackerActivityCommand, trackerActivityCommands } from '../tracker-activity-commands.js';

// Each field the tracker sends is converted, then checked by the rule of the command field it
// becomes, so the webhook has no rules of its own and reports a failure at the tracker's path.
const rules = trackerActivityCommands.ReceiveTrackerActivity.schema.shape;
const trackerId = (rule: z.ZodType<string, string>) => z.union([z.number(), z.string()]).transform(String).pipe(rule);
const wholeMetres = (rule: z.ZodType<number, number>) => z.number().transform(Math.round).pipe(rule);

/** A tracker's push notification (Strava's webhook shape), carrying the activity itself. */
export const trackerNotificationSchema = z.object({
  object_type: z.string(),
  aspect_type: z.enum(['create', 'update', 'delete']),
  object_id: trackerId(rules.activityId),
  owner_id: trackerId(rules.athleteId),
  activity: z
    .object({
      type: z.string(),
      start_date_local: rules.startDateLocal.transform((date) => new Date(date).toISOString()),
      distance: wholeMetres(rules.distanceMetres),
      moving_time: rules.movingTimeSeconds,
      total_elevation_gain: wholeMetres(rules.elevationMetres).default(0),
    })
    .optional(),
});

export type TrackerNotification = z.infer<typeof trackerNotificationSchema>;

const trackerTypes = new Map<string, ActivityType>([
  ['ride', 'RIDE'],
  ['virtualride', 'RIDE'],
  ['ebikeride', 'RIDE'],
  ['run', 'RUN'],
  ['virtualrun', 'RUN'],
  ['trailrun', 'RUN'],
  ['swim', 'SWIM'],
  ['walk', 'WALK'],
  ['hike', 'HIKE'],
]);

/** The command a notification asks for, or why it asks for none. */
export function toTrackerCommand(notification: TrackerNotification): TrackerActivityCommand | { ignored: string } {
  if (notification.object_type !== 'activity') return { ignored: `object_type ${notification.object_type}` };
  const activityId = notification.object_id;
  const athleteId = notification.owner_id;
  if (notification.aspect_type === 'delete') return { type: 'DeleteTrackerActivity', activityId, athleteId };
  if (notification.aspect_type === 'update') return { ignored: 'updates do not change what an activity counts for' };
  const { activity } = notification;
  if (!activity) return { ignored: 'a create notification without its activity' };
  const activityType = trackerTypes.get(activity.type.toLowerCase());
  if (!activityType) return { ignored: `activity type ${activity.type}` };
  return {
    type: 'ReceiveTrackerActivity',
    activityId,
    athleteId,
    activityType,
    startDateLocal: activity.start_date_local,
    distanceMetres: activity.distance,
    movingTimeSeconds: activity.moving_time,
    elevationMetres: activity.total_elevation_gain,
  };
}
