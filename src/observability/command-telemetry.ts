import type { Logger } from 'pino';
import { type CommandContext, ConcurrencyConflictError, DomainError, type Middleware } from '../es/index.js';
import type { ChronicleMetrics, CommandOutcome } from './metrics.js';

const STARTED = 'telemetry.started';

/**
 * The first middleware after `strongConsistency` (whose wait it does not time): times every
 * command, counts it by type and outcome, and logs one line per command with its ids. A command
 * a GraphQL request sent goes into the request's own line instead (`report`), so a mutation costs
 * one log line, not two; a conflict or a failure always gets a warning line of its own. A command
 * sent by a GraphQL request carries the request id as its correlation id, and so do the commands
 * process managers send in reaction to its events, so one id finds the request, its commands and
 * everything they caused.
 */
export function commandTelemetry(metrics: ChronicleMetrics, logger: Logger): Middleware {
  const finish = (context: CommandContext, outcome: CommandOutcome, fields: Record<string, unknown> = {}) => {
    const started = context.assigns.get(STARTED) as number;
    const seconds = (performance.now() - started) / 1000;
    const labels = { type: context.command.type, outcome };
    metrics.commands.inc(labels);
    metrics.commandDuration.observe(labels, seconds);
    const line = {
      command: context.command.type,
      outcome,
      commandId: context.commandId,
      correlationId: context.metadata.correlationId,
      causationId: context.metadata.causationId,
      durationMs: Math.round(seconds * 100_000) / 100,
      ...fields,
    };
    if (outcome !== 'accepted' && outcome !== 'replayed' && outcome !== 'rejected') logger.warn(line, 'command');
    else if (context.report) context.report(line);
    else logger.info(line, 'command');
  };

  return {
    name: 'telemetry',
    before(context) {
      context.assigns.set(STARTED, performance.now());
    },
    afterSuccess(context, result) {
      // A command id seen before (a retry) appended nothing now: counted apart, or retries would inflate `accepted`.
      finish(context, result.replayed ? 'replayed' : 'accepted', {
        streamId: result.streamId,
        version: result.version,
        events: result.events.length,
      });
    },
    afterFailure(context, error) {
      if (error instanceof DomainError) return finish(context, 'rejected', { code: error.code });
      if (error instanceof ConcurrencyConflictError) return finish(context, 'conflict', { code: error.code });
      // The error itself, with its stack, is logged where it is masked (with the request id).
      finish(context, 'failed', { error: error instanceof Error ? error.message : String(error) });
    },
  };
}
