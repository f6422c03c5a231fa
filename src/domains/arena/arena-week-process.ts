import { defineProcessManager, type ScheduledCommandCommand } from '../../es/index.js';
import type { ArenaEvent } from './arena-events.js';

type WeekEvent = Extract<ArenaEvent, { type: 'WeekEndFixed' | 'WeekCompleted' }>;

/** The schedule that completes `week` of an arena; one per week, so each week is completed at most once by it. */
export const weekEndScheduleId = (arenaId: string, week: number) => `arena-week-end:${arenaId}:${week}`;

/**
 * The arcade's weekly reset: when a week's end is fixed (its first kill), schedules `CompleteWeek`
 * naming that week at its end (the schedule is durable, so it survives restarts); a week completed
 * another way (an admin's `completeWeek`) cancels its schedule. Should the schedule fire anyway
 * (it was already on its way), the command names the week, which the aggregate finds over and
 * completes nothing. The process keeps no state: everything it needs is in the events.
 */
export const arenaWeekProcess = defineProcessManager<Record<string, never>, WeekEvent>({
  name: 'arena-week-process',
  initialState: {},

  interestedIn(event) {
    switch (event.type) {
      case 'WeekEndFixed':
        return { start: event.data.arenaId };
      case 'WeekCompleted':
        return { stop: event.data.arenaId };
      default:
        return undefined;
    }
  },

  handle(_state, event): ScheduledCommandCommand[] {
    const { arenaId, week } = event.data;
    switch (event.type) {
      case 'WeekEndFixed':
        return [
          {
            type: 'ScheduleCommand',
            scheduleId: weekEndScheduleId(arenaId, week),
            dueAt: event.data.endsAt,
            command: { type: 'CompleteWeek', arenaId, week },
          },
        ];
      case 'WeekCompleted':
        return [{ type: 'CancelScheduledCommand', scheduleId: weekEndScheduleId(arenaId, week) }];
      default:
        return [];
    }
  },

  apply: (state) => state,
});
