import {
  type Clock,
  CommandScheduler,
  scheduledCommandAggregate,
  scheduledCommandsProjector,
  systemClock,
  systemOnly,
} from '../es/index.js';
import type { DomainModule } from './domain-module.js';

/** Scheduled commands: process managers dispatch `ScheduleCommand`, the scheduler sends it when due by `clock`. */
export class SchedulingModule implements DomainModule {
  readonly name = 'scheduling';
  /** Set once registered; tests call `runDue()` on it after advancing their clock. */
  scheduler: CommandScheduler | undefined;

  constructor(private readonly options: { clock?: Clock; pollIntervalMs?: number } = {}) {}

  register({ router, runtimes, db }: Parameters<DomainModule['register']>[0]): void {
    router.register(scheduledCommandAggregate, {
      ScheduleCommand: { identity: 'scheduleId', access: systemOnly },
      CancelScheduledCommand: { identity: 'scheduleId', access: systemOnly },
      CompleteScheduledCommand: { identity: 'scheduleId', access: systemOnly },
    });
    runtimes.addProjector(scheduledCommandsProjector);
    this.scheduler = new CommandScheduler({
      db,
      router,
      clock: this.options.clock ?? systemClock,
      logger: runtimes.logger,
      ...(this.options.pollIntervalMs === undefined ? {} : { pollIntervalMs: this.options.pollIntervalMs }),
    });
    runtimes.addService(this.scheduler);
  }
}

export const schedulingModule = new SchedulingModule();
