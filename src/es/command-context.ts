import type { Actor } from './actor.js';
import type { Aggregate, Command, DomainEvent } from './aggregate.js';
import type { CommandRegistration } from './command-registration.js';

export interface CommandMetadata {
  correlationId: string;
  causationId: string;
  /** Who sent the command; its subject and roles are recorded on every event it appends. */
  actor?: Actor | undefined;
}

/** `eventual` answers once the events are stored; `strong` also waits for projections (`strongConsistency`). */
export type Consistency = 'eventual' | 'strong';

/** One command on its way through the middleware to its aggregate. Middleware may replace `command` (enrichment). */
export interface CommandContext<C extends Command = Command> {
  command: C;
  readonly commandId: string;
  readonly metadata: CommandMetadata;
  /** As the dispatch asked: with `strong`, the projections to wait for (all when undefined). */
  readonly consistency: Consistency;
  readonly projections: readonly string[] | undefined;
  readonly aggregate: Aggregate<unknown, C, DomainEvent>;
  readonly registration: CommandRegistration<C>;
  /** Scratch space for middleware to pass state from `before` to `after*` (a uniqueness claim, say). */
  readonly assigns: Map<string, unknown>;
  /** Where the command's log line goes instead of a line of its own (see `DispatchOptions.report`). */
  readonly report?: CommandReport | undefined;
}

/** Receives a command's log line: its type, outcome, ids, duration and what it appended. */
export type CommandReport = (line: Record<string, unknown>) => void;

export interface ExecutionResult<E extends DomainEvent = DomainEvent> {
  aggregateId: string;
  streamId: string;
  /** The aggregate's version after the command. */
  version: number;
  events: E[];
  /** Global position of the last appended event; undefined when the command appended nothing. */
  position: number | undefined;
  /** The command id had been executed before: this is that first execution's result, nothing was appended now. */
  replayed?: true;
}
