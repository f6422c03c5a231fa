import type { ColumnType } from 'kysely';
import type { CommandMessage } from '../aggregate.js';

export interface ScheduledCommandsTable {
  schedule_id: string;
  due_at: Date;
  command: ColumnType<CommandMessage, string, string>;
  status: 'PENDING' | 'CANCELLED' | 'DISPATCHED' | 'REFUSED';
  outcome: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SchedulingTables {
  scheduled_commands: ScheduledCommandsTable;
}
