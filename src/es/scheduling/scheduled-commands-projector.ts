import { defineProjector } from '../runtime/projector.js';
import type { ScheduledCommandEvent } from './scheduled-command-aggregate.js';
import type { SchedulingTables } from './scheduled-commands-tables.js';

export const SCHEDULED_COMMANDS_PROJECTION = 'scheduled-commands';

/** The durable timer table: what is due when. Rebuilt from the log like any projection. */
export const scheduledCommandsProjector = defineProjector<SchedulingTables, ScheduledCommandEvent>({
  name: SCHEDULED_COMMANDS_PROJECTION,
  handlers: {
    CommandScheduled: async (trx, event) => {
      await trx
        .insertInto('scheduled_commands')
        .values({
          schedule_id: event.data.scheduleId,
          due_at: new Date(event.data.dueAt),
          command: JSON.stringify(event.data.command),
          status: 'PENDING',
          outcome: null,
          updated_at: event.occurredAt,
        })
        .execute();
    },
    ScheduledCommandCancelled: async (trx, event) => {
      await trx
        .updateTable('scheduled_commands')
        .set({ status: 'CANCELLED', updated_at: event.occurredAt })
        .where('schedule_id', '=', event.data.scheduleId)
        .execute();
    },
    ScheduledCommandCompleted: async (trx, event) => {
      await trx
        .updateTable('scheduled_commands')
        .set({ status: event.data.outcome, outcome: event.data.detail, updated_at: event.occurredAt })
        .where('schedule_id', '=', event.data.scheduleId)
        .execute();
    },
  },
  async reset(db) {
    await db.deleteFrom('scheduled_commands').execute();
  },
});
