import { z } from 'zod';
import type { TrackerActivityCommand } from '../tracker-activity-commands.js';
import type { ActivityType } from '../challenge-values.js';

const trackerId = z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]).transform(String);

/** A tracker's push notification (Strava's webhook shape), carrying the activity itself. */
export const trackerNotificationSchema = z.object({
  object_type: z.string(),
  aspect_type: z.enum(['create', 'update', 'delete']),
  object_id: trackerId,
  owner_id: trackerId,
  activity: z
    .object({
      type: z.string(),
      start_date_local: z.iso.datetime({ offset: true }),
      distance: z.number().nonnegative(),
      moving_time: z.number().int().nonnegative(),
      total_elevation_gain: z.number().nonnegative().default(0),
    })
    .optional(),
});

export type TrackerNotification = z.infer<typeof trackerNotificationSchema>;

const trackerTypes: Record<string, ActivityType> = {
  ride: 'RIDE',
  virtualride: 'RIDE',
  ebikeride: 'RIDE',
  run: 'RUN',
  virtualrun: 'RUN',
  trailrun: 'RUN',
  swim: 'SWIM',
  walk: 'WALK',
  hike: 'HIKE',
};

/** The command a notification asks for, or why it asks for none. */
export function toTrackerCommand(notification: TrackerNotification): TrackerActivityCommand | { ignored: string } {
  if (notification.object_type !== 'activity') return { ignored: `object_type ${notification.object_type}` };
  const activityId = notification.object_id;
  const athleteId = notification.owner_id;
  if (notification.aspect_type === 'delete') return { type: 'DeleteTrackerActivity', activityId, athleteId };
  if (notification.aspect_type === 'update') return { ignored: 'updates do not change what an activity counts for' };
  const { activity } = notification;
  if (!activity) return { ignored: 'a create notification without its activity' };
  const activityType = trackerTypes[activity.type.toLowerCase()];
  if (!activityType) return { ignored: `activity type ${activity.type}` };
  return {
    type: 'ReceiveTrackerActivity',
    activityId,
    athleteId,
    activityType,
    startDateLocal: new Date(activity.start_date_local).toISOString(),
    distanceMetres: Math.round(activity.distance),
    movingTimeSeconds: activity.moving_time,
    elevationMetres: Math.round(activity.total_elevation_gain),
  };
}
