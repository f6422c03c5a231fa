import type { Kysely } from 'kysely';
import { enforce } from './access/access-rule.js';
import { claimedOwner } from './access/ownership.js';
import { type StreamOwners, streamOwners } from './access/stream-owners.js';
import { type Actor, toActor } from './actor.js';
import type { Aggregate, Command, CommandMessage, Decision, DomainEvent } from './aggregate.js';
import { streamIdOf } from './aggregate.js';
import type { AggregateRepository, LoadedAggregate } from './aggregate-repository.js';
import type { AppendResult } from './append-result.js';
import type { CommandContext, CommandReport, Consistency, ExecutionResult } from './command-context.js';
import { ConcurrencyConflictError, UnregisteredCommandError } from './command-errors.js';
import type { CommandRegistration } from './command-registration.js';
import { DomainError } from './domain-error.js';
import { DuplicateEventError, WrongExpectedVersionError } from './errors.js';
import type { EventStoreTables } from './event-store-tables.js';
import type { EventStore } from './event-store.js';
import { CommandOutcomes, type CommandTarget, commandEvents } from './idempotency/command-outcomes.js';
import { KeyedLock } from './keyed-lock.js';
import type { Middleware } from './middleware.js';

export interface DispatchOptions {
  /** A stable id makes the dispatch idempotent: sent again, it returns the first result and appends nothing. */
  commandId?: string;
  correlationId?: string;
  /** The request that sent it: the correlation of a command that starts its own (not one that joins its stream's). */
  requestId?: string;
  causationId?: string;
  /** Who sends the command (a bare subject holds no roles). */
  actor?: Actor | string | undefined;
  /**
   * `strong` waits until `projections` (by name; all when omitted) have processed the command's
   * events, through the `strongConsistency` middleware.
   */
  consistency?: Consistency;
  projections?: readonly string[];
  /** Takes the command's log line in place of the log: a request writes one line for all it did. */
  report?: CommandReport | undefined;
}

export interface CommandRouterOptions {
  store: EventStore;
  /** The engine's tables, where the refusals of idempotent dispatches are recorded. */
  db: Kysely<EventStoreTables>;
  repository: AggregateRepository;
  /** Runs around every dispatch (see `Middleware`), in this order. */
  middleware: readonly Middleware[];
  /** How many times a command is decided, at most, while other processes keep changing its stream (default 5). */
  maxAttempts?: number;
}

interface Route {
  aggregate: Aggregate<unknown, Command, DomainEvent>;
  registration: CommandRegistration;
}

/** One dispatch on its way through `execute`. */
interface Execution {
  readonly context: CommandContext;
  readonly target: CommandTarget;
  /** Sent with a stable command id: its earlier outcome, if any, is its answer. */
  readonly idempotent: boolean;
  /** Joins the correlation its stream began with (`correlation: 'stream'`). */
  readonly joinStream: boolean;
  /** That correlation, once looked up: a stream's first event never changes, so one look-up serves every attempt. */
  streamCorrelation?: string;
}

/** An attempt overtaken by another process changing the stream: decide again on the current state. */
const STALE = Symbol('stale');
type Attempt = ExecutionResult | typeof STALE;

/**
 * Sends each command through the middleware to its aggregate. Commands to one aggregate run one
 * at a time in this process; a conflict with another process reloads and retries, a bounded
 * number of times.
 *
 * A dispatch, step by step: `dispatch` builds the command's context and runs it through the
 * middleware; `execute` takes the stream's lock and answers a command id seen before with its
 * earlier outcome; `decideUntilCurrent` retries the `attempt`s another process overtook; an attempt
 * loads, decides and authorizes, then `append`s the events, or settles an outcome that appends
 * nothing (`confirmNothingToAppend`, `refuse`).
 */
export class CommandRouter {
  private readonly routes = new Map<string, Route>();
  private readonly lock = new KeyedLock();
  private readonly owners: StreamOwners;
  private readonly outcomes: CommandOutcomes;
  private readonly store: EventStore;
  private readonly repository: AggregateRepository;
  private readonly middleware: readonly Middleware[];
  private readonly maxAttempts: number;

  constructor({ store, db, repository, middleware, maxAttempts = 5 }: CommandRouterOptions) {
    this.store = store;
    this.repository = repository;
    this.middleware = middleware;
    this.maxAttempts = maxAttempts;
    this.owners = streamOwners(store);
    this.outcomes = new CommandOutcomes(store, db);
  }

  register<S, C extends Command, E extends DomainEvent>(
    aggregate: Aggregate<S, C, E>,
    commands: { [T in C['type']]: CommandRegistration<Extract<C, { type: T }>> },
  ): this {
    for (const [type, registration] of Object.entries(commands) as Array<[string, CommandRegistration]>) {
      if (this.routes.has(type)) throw new Error(`Command "${type}" is registered twice`);
      if (!registration.access) throw new Error(`Command "${type}" has no access rule`);
      this.routes.set(type, { aggregate: aggregate as unknown as Route['aggregate'], registration });
    }
    return this;
  }

  /** Every registered command with its aggregate and registration: for docs and checks of the rules. */
  commands(): Array<{ type: string; aggregate: Aggregate<unknown, Command, DomainEvent>; registration: CommandRegistration }> {
    return [...this.routes].map(([type, route]) => ({ type, ...route }));
  }

  async dispatch<E extends DomainEvent = DomainEvent>(command: CommandMessage, options: DispatchOptions = {}): Promise<ExecutionResult<E>> {
    const route = this.routes.get(command?.type);
    if (!route) throw new UnregisteredCommandError(String(command?.type));
    const context = contextOf(command, route, options);
    const idempotent = options.commandId !== undefined;
    const joinStream = route.registration.correlation === 'stream' && options.correlationId === undefined;
    const result = await this.throughMiddleware(context, () => this.execute(context, { idempotent, joinStream }));
    return result as ExecutionResult<E>;
  }

  /** The `before` hooks in order, then `execute`; then every `afterSuccess` in reverse, or the `afterFailure` of those entered. */
  private async throughMiddleware(context: CommandContext, execute: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const entered: Middleware[] = [];
    let result: ExecutionResult;
    try {
      for (const middleware of this.middleware) {
        entered.push(middleware);
        await middleware.before?.(context);
      }
      result = await execute();
    } catch (error) {
      for (const middleware of entered.reverse()) await middleware.afterFailure?.(context, error);
      throw error;
    }
    for (const middleware of [...this.middleware].reverse()) await middleware.afterSuccess?.(context, result);
    return result;
  }

  /** Under the stream's lock: a command id seen before gets its earlier outcome; any other command is decided. */
  private execute(context: CommandContext, options: Pick<Execution, 'idempotent' | 'joinStream'>): Promise<ExecutionResult> {
    const execution: Execution = { context, target: targetOf(context), ...options };
    return this.lock.run(execution.target.streamId, async () => {
      if (execution.idempotent) {
        const previous = await this.outcomes.previous(context.commandId, execution.target);
        if (previous instanceof DomainError) throw previous;
        if (previous) return previous;
      }
      return this.decideUntilCurrent(execution);
    });
  }

  /** Attempts the command until no other process overtakes the attempt, `maxAttempts` times at most. */
  private async decideUntilCurrent(execution: Execution): Promise<ExecutionResult> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const outcome = await this.attempt(execution);
      if (outcome !== STALE) return outcome;
      this.repository.forget(execution.target.streamId);
    }
    throw new ConcurrencyConflictError(execution.target.streamId, this.maxAttempts);
  }

  /** Loads the state, lets the aggregate decide, applies the access rule, then appends what it decided. */
  private async attempt(execution: Execution): Promise<Attempt> {
    const { context, target } = execution;
    const loaded = await this.repository.load(context.aggregate, target.streamId);
    const decision = context.aggregate.execute(loaded.state, context.command);
    const events = decision instanceof DomainError ? [] : decided(decision);
    const owner = await this.authorize(context, target.streamId, loaded, events);
    if (events.length === 0) return this.confirmNothingToAppend(execution, loaded, decision);
    return this.append(execution, loaded, events, owner);
  }

  /**
   * A refusal or a no-op appends nothing, so no expected-version check would catch a state cached
   * before another process changed the stream: it stands only if the stream is still at the
   * version it was decided on.
   */
  private async confirmNothingToAppend(
    execution: Execution,
    loaded: LoadedAggregate<unknown>,
    decision: Decision<DomainEvent>,
  ): Promise<Attempt> {
    const { context, target } = execution;
    if ((await this.store.streamVersion(target.streamId)) !== loaded.version) return STALE;
    // The current state may hold this very command's events, appended by another instance since its
    // earlier outcome was looked up: they are its answer, not a refusal or a no-op decided on top of them.
    const stored = execution.idempotent && loaded.version > 0 ? await this.outcomes.storedResult(context.commandId, target) : undefined;
    if (stored) return stored;
    if (decision instanceof DomainError) return this.refuse(execution, decision);
    return { ...target, version: loaded.version, events: [], position: undefined };
  }

  /** Throws the aggregate's refusal; an idempotent dispatch's is recorded first, so a redelivery is refused the same way. */
  private async refuse(execution: Execution, refusal: DomainError): Promise<never> {
    if (execution.idempotent) await this.outcomes.recordRefusal(execution.context.commandId, execution.target.streamId, refusal);
    throw refusal;
  }

  /** Appends the decided events at the version they were decided on, and caches the state they make. */
  private async append(
    execution: Execution,
    loaded: LoadedAggregate<unknown>,
    events: DomainEvent[],
    owner: string | null | undefined,
  ): Promise<Attempt> {
    const { context, target } = execution;
    if (execution.joinStream && loaded.version > 0) context.metadata.correlationId = await this.streamCorrelation(execution);
    let appended: AppendResult;
    try {
      appended = await this.store.append(target.streamId, commandEvents(context.commandId, events), loaded.version, eventMetadata(context));
    } catch (error) {
      return this.appendRefused(execution, error);
    }
    if (appended.replayed) {
      // Another instance executed this command id since its earlier outcome was looked up, so what was
      // just decided is not what happened (and the state may hold the stored events already): answer
      // with the stored events, and reload the state next time.
      this.repository.forget(target.streamId);
      return (await this.outcomes.storedResult(context.commandId, target))!;
    }
    const state = events.reduce(context.aggregate.apply, loaded.state);
    await this.repository.saved(context.aggregate, target.streamId, loaded.version, { state, version: appended.version, owner });
    return { ...target, version: appended.version, events, position: appended.positions.at(-1) };
  }

  /** An append the store refused: overtaken by another process (STALE), or this command id's events are stored already. */
  private async appendRefused(execution: Execution, error: unknown): Promise<Attempt> {
    // Some of the ids stored already: another instance executed this command id, deciding fewer events.
    if (execution.idempotent && error instanceof DuplicateEventError) {
      const stored = await this.outcomes.storedResult(execution.context.commandId, execution.target);
      if (stored) {
        this.repository.forget(execution.target.streamId);
        return stored;
      }
    }
    if (error instanceof WrongExpectedVersionError) return STALE;
    throw error;
  }

  /**
   * Applies the command's access rule to the state it executes on, under the stream's lock, and
   * answers the stream's owner after its events: a claim and the events making it commit together.
   */
  private async authorize(context: CommandContext, streamId: string, loaded: LoadedAggregate<unknown>, decided: readonly DomainEvent[]) {
    const actor = context.metadata.actor;
    const after = claimedOwner(
      context.aggregate.ownership,
      loaded.owner,
      decided.map((event) => ({ ...event, metadata: { actor: actor?.subject } })),
    );
    const target = {
      streamId,
      state: loaded.state,
      owner: loaded.owner,
      decided,
      claims: loaded.owner === undefined && after !== undefined,
    };
    await enforce(context.registration.access, context.command, { actor, owners: this.owners, target });
    return after;
  }

  /** The correlation the stream began with: that of its first event. */
  private async streamCorrelation(execution: Execution): Promise<string> {
    if (execution.streamCorrelation !== undefined) return execution.streamCorrelation;
    const [first] = await this.store.readStream(execution.target.streamId, { fromVersion: 1, limit: 1 });
    if (!first) throw new Error(`Stream "${execution.target.streamId}" has a version but no first event`);
    execution.streamCorrelation = first.metadata.correlationId;
    return execution.streamCorrelation;
  }
}

/** A command on its way: its id (given, or a fresh one), its correlation, causation and actor, and what its dispatcher asked for. */
function contextOf(command: CommandMessage, route: Route, options: DispatchOptions): CommandContext {
  const commandId = options.commandId ?? crypto.randomUUID();
  return {
    command,
    commandId,
    metadata: {
      correlationId: options.correlationId ?? options.requestId ?? commandId,
      causationId: options.causationId ?? commandId,
      actor: toActor(options.actor),
    },
    consistency: options.consistency ?? 'eventual',
    projections: options.projections,
    aggregate: route.aggregate,
    registration: route.registration,
    assigns: new Map(),
    report: options.report,
  };
}

/** The aggregate the command goes to, by the identity field of its registration. */
function targetOf({ aggregate, registration, command }: CommandContext): CommandTarget {
  const identity = command[registration.identity as keyof Command];
  if (typeof identity !== 'string' && typeof identity !== 'number') {
    throw new TypeError(`Command "${command.type}" has no identity in field "${registration.identity}"`);
  }
  const aggregateId = String(identity);
  return { aggregateId, streamId: streamIdOf(aggregate, aggregateId) };
}

/** What each appended event records about its command: the actor's subject in `actor`, its roles in `actorRoles`. */
function eventMetadata({ metadata, commandId }: CommandContext) {
  const { actor, ...ids } = metadata;
  return { ...ids, commandId, ...(actor ? { actor: actor.subject, actorRoles: [...actor.roles] } : {}) };
}

function decided<E extends DomainEvent>(decision: Decision<E>): E[] {
  if (decision instanceof DomainError) throw decision;
  return Array.isArray(decision) ? [...decision] : [decision as E];
}
