import { defineAggregate, type DomainEvent } from '../aggregate.js';
import type { CommandMessage } from '../aggregate.js';

export type ScheduleOutcome = 'DISPATCHED' | 'REFUSED';

export type ScheduledCommandCommand =
  | { type: 'ScheduleCommand'; scheduleId: string; dueAt: string; command: CommandMessage }
  | { type: 'CancelScheduledCommand'; scheduleId: string }
  | { type: 'CompleteScheduledCommand'; scheduleId: string; outcome: ScheduleOutcome; detail: string | null };

export type ScheduledCommandEvent =
  | DomainEvent<'CommandScheduled', { scheduleId: string; dueAt: string; command: CommandMessage }>
  | DomainEvent<'ScheduledCommandCancelled', { scheduleId: string }>
  | DomainEvent<'ScheduledCommandCompleted', { scheduleId: string; outcome: ScheduleOutcome; detail: string | null }>;

type Status = 'NONE' | 'PENDING' | 'CANCELLED' | 'COMPLETED';

/**
 * One command to send at a due time. Each step happens once and repeating it is a no-op, so
 * process managers and schedulers on several instances may all ask: scheduling again, cancelling
 * what already ran, completing what was cancelled change nothing.
 */
export const scheduledCommandAggregate = defineAggregate<{ status: Status }, ScheduledCommandCommand, ScheduledCommandEvent>({
  name: 'scheduled-command',
  initialState: { status: 'NONE' },

  execute(state, command) {
    switch (command.type) {
      case 'ScheduleCommand':
        if (state.status !== 'NONE') return [];
        return { type: 'CommandScheduled', data: { scheduleId: command.scheduleId, dueAt: command.dueAt, command: command.command } };
      case 'CancelScheduledCommand':
        if (state.status !== 'PENDING') return [];
        return { type: 'ScheduledCommandCancelled', data: { scheduleId: command.scheduleId } };
      case 'CompleteScheduledCommand':
        if (state.status !== 'PENDING') return [];
        return {
          type: 'ScheduledCommandCompleted',
          data: { scheduleId: command.scheduleId, outcome: command.outcome, detail: command.detail },
        };
    }
  },

  apply(_state, event) {
    switch (event.type) {
      case 'CommandScheduled':
        return { status: 'PENDING' };
      case 'ScheduledCommandCancelled':
        return { status: 'CANCELLED' };
      case 'ScheduledCommandCompleted':
        return { status: 'COMPLETED' };
    }
  },
});
