import { defineAggregate } from '../../es/index.js';
import { type TrackerActivityCommand, trackerActivityCommands } from './tracker-activity-commands.js';
import type { TrackerActivityEvent } from './tracker-activity-events.js';

/**
 * One activity of the external tracker, as its notifications told it. Notifications are delivered
 * at least once and possibly out of order, so repeats are no-ops and a deletion is final: a
 * creation arriving after it is ignored.
 */
export const trackerActivityAggregate = defineAggregate<
  { status: 'NONE' | 'RECEIVED' | 'DELETED' },
  TrackerActivityCommand,
  TrackerActivityEvent
>({
  name: 'tracker-activity',
  commands: trackerActivityCommands,
  initialState: { status: 'NONE' },

  execute(state, command) {
    if (command.type === 'ReceiveTrackerActivity') {
      if (state.status !== 'NONE') return [];
      const { type: _type, ...activity } = command;
      return { type: 'TrackerActivityReceived', data: activity };
    }
    if (state.status === 'DELETED') return [];
    return { type: 'TrackerActivityDeleted', data: { activityId: command.activityId, athleteId: command.athleteId } };
  },

  apply(_state, event) {
    return { status: event.type === 'TrackerActivityReceived' ? 'RECEIVED' : 'DELETED' };
  },
});
