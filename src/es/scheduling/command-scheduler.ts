import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { CommandRouter } from '../command-router.js';
import { deterministicId } from '../deterministic-id.js';
import { DomainError } from '../domain-error.js';
import type { Clock } from './clock.js';
import type { ScheduleOutcome } from './scheduled-command-aggregate.js';
import { SCHEDULED_COMMANDS_PROJECTION } from './scheduled-commands-projector.js';
import type { Selectable } from 'kysely';
import type { ScheduledCommandsTable, SchedulingTables } from './scheduled-commands-tables.js';
import { systemActor } from '../actor.js';

/** Only the system's own processes schedule commands, so the scheduler sends them as the system. */
const SCHEDULER_ACTOR = systemActor('scheduler');

export interface CommandSchedulerOptions {
  db: Kysely<any>;
  router: CommandRouter;
  clock: Clock;
  logger: Logger;
  /** The longest it sleeps between looks at the table (a schedule may arrive while it sleeps). */
  pollIntervalMs?: number;
}

/**
 * Sends scheduled commands when they fall due by the clock. The schedule lives in the
 * `scheduled_commands` table (projected from the log), so it survives restarts. Each command is
 * dispatched with an id derived from its schedule, so two instances, or a crash between sending
 * and recording the outcome, never run it twice; then the outcome completes the schedule.
 */
export class CommandScheduler {
  readonly name = 'command-scheduler';
  private abort = new AbortController();
  private running: Promise<void> | undefined;
  private readonly db: Kysely<SchedulingTables>;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: CommandSchedulerOptions) {
    this.db = options.db as Kysely<SchedulingTables>;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.abort = new AbortController();
    this.running = this.loop(this.abort.signal);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    this.running = undefined;
  }

  /** Sends every command due now, oldest first; returns how many it completed. */
  async runDue(): Promise<number> {
    let completed = 0;
    for (;;) {
      const due = await this.db
        .selectFrom('scheduled_commands')
        .selectAll()
        .where('status', '=', 'PENDING')
        .where('due_at', '<=', this.options.clock.now())
        .orderBy('due_at')
        .orderBy('schedule_id')
        .limit(100)
        .execute();
      for (const row of due) {
        await this.send(row);
        completed += 1;
      }
      if (due.length < 100) return completed;
    }
  }

  private async send(row: Selectable<ScheduledCommandsTable>): Promise<void> {
    const { router, logger } = this.options;
    let outcome: ScheduleOutcome = 'DISPATCHED';
    let detail: string | null = null;
    try {
      await router.dispatch(row.command, {
        commandId: deterministicId('scheduled', row.schedule_id),
        correlationId: row.schedule_id,
        actor: SCHEDULER_ACTOR,
      });
    } catch (error) {
      // Anything but a domain refusal (the database away, say) leaves it pending for the next look.
      if (!(error instanceof DomainError)) throw error;
      outcome = 'REFUSED';
      detail = error.code;
      logger.info({ scheduleId: row.schedule_id, code: error.code }, 'scheduled command refused');
    }
    await router.dispatch(
      { type: 'CompleteScheduledCommand', scheduleId: row.schedule_id, outcome, detail },
      {
        commandId: deterministicId('scheduled-complete', row.schedule_id),
        correlationId: row.schedule_id,
        consistency: 'strong',
        projections: [SCHEDULED_COMMANDS_PROJECTION],
        actor: SCHEDULER_ACTOR,
      },
    );
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const { clock, logger } = this.options;
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.runDue();
        failures = 0;
        const next = await this.db
          .selectFrom('scheduled_commands')
          .select('due_at')
          .where('status', '=', 'PENDING')
          .orderBy('due_at')
          .limit(1)
          .executeTakeFirst();
        const untilNext = next ? next.due_at.getTime() - clock.now().getTime() : Number.POSITIVE_INFINITY;
        await clock.sleep(Math.max(0, Math.min(this.pollIntervalMs, untilNext)), signal);
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        logger.error({ err: error }, 'command scheduler failed; retrying');
        await clock.sleep(Math.min(this.pollIntervalMs * 2 ** failures, 30_000), signal);
      }
    }
  }
}
