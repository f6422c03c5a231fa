import { enforce } from './access/access-rule.js';
import { claimedOwner } from './access/ownership.js';
import { streamOwners } from './access/stream-owners.js';
import { type Actor, toActor } from './actor.js';
import type { Aggregate, Command, CommandMessage, Decision, DomainEvent } from './aggregate.js';
import { streamIdOf } from './aggregate.js';
import type { AggregateRepository, LoadedAggregate } from './aggregate-repository.js';
import type { CommandContext, CommandMetadata, Consistency, ExecutionResult } from './command-context.js';
import { ConcurrencyConflictError, UnregisteredCommandError } from './command-errors.js';
import type { CommandRegistration } from './command-registration.js';
import { eventIdFor } from './deterministic-id.js';
import { DomainError } from './domain-error.js';
import { DuplicateEventError, WrongExpectedVersionError } from './errors.js';
import type { EventStore } from './event-store.js';
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
}

interface Route {
  aggregate: Aggregate<unknown, Command, DomainEvent>;
  registration: CommandRegistration;
}

/**
 * Sends each command through the middleware to its aggregate. Commands to one aggregate run one
 * at a time in this process; a conflict with another process reloads and retries, a bounded
 * number of times.
 */
export class CommandRouter {
  private readonly routes = new Map<string, Route>();
  private readonly lock = new KeyedLock();
  private readonly owners;

  constructor(
    private readonly store: EventStore,
    private readonly repository: AggregateRepository,
    private readonly middleware: readonly Middleware[],
    private readonly maxAttempts = 5,
  ) {
    this.owners = streamOwners(store);
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
    const commandId = options.commandId ?? crypto.randomUUID();
    const metadata: CommandMetadata = {
      correlationId: options.correlationId ?? options.requestId ?? commandId,
      causationId: options.causationId ?? commandId,
      actor: toActor(options.actor),
    };
    const context: CommandContext = {
      command,
      commandId,
      metadata,
      consistency: options.consistency ?? 'eventual',
      projections: options.projections,
      aggregate: route.aggregate,
      registration: route.registration,
      assigns: new Map(),
    };

    const entered: Middleware[] = [];
    let result: ExecutionResult;
    try {
      for (const middleware of this.middleware) {
        entered.push(middleware);
        await middleware.before?.(context);
      }
      const joinStream = route.registration.correlation === 'stream' && options.correlationId === undefined;
      result = await this.execute(context, { idempotent: options.commandId !== undefined, joinStream });
    } catch (error) {
      for (const middleware of entered.reverse()) await middleware.afterFailure?.(context, error);
      throw error;
    }
    for (const middleware of [...this.middleware].reverse()) await middleware.afterSuccess?.(context, result);
    return result as ExecutionResult<E>;
  }

  private execute(
    context: CommandContext,
    { idempotent, joinStream }: { idempotent: boolean; joinStream: boolean },
  ): Promise<ExecutionResult> {
    const { aggregate, registration, command } = context;
    const identity = command[registration.identity as keyof Command];
    if (typeof identity !== 'string' && typeof identity !== 'number') {
      throw new TypeError(`Command "${command.type}" has no identity in field "${registration.identity}"`);
    }
    const aggregateId = String(identity);
    const streamId = streamIdOf(aggregate, aggregateId);
    return this.lock.run(streamId, async () => {
      if (idempotent) {
        const earlier = await this.earlierResult(context.commandId, aggregateId, streamId);
        if (earlier) return earlier;
        const refused = await this.store.findRefusal(context.commandId);
        if (refused) throw refused;
      }
      let streamCorrelation: string | undefined;
      for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
        const loaded = await this.repository.load(aggregate, streamId);
        const decision = aggregate.execute(loaded.state, command);
        const events = decision instanceof DomainError ? [] : decided(decision);
        const owner = await this.authorize(context, streamId, loaded, events);
        if (events.length === 0) {
          // A refusal or a no-op appends nothing, so no expected-version check would catch a state
          // cached before another process changed the stream: confirm it is current first.
          if ((await this.store.streamVersion(streamId)) !== loaded.version) {
            this.repository.forget(streamId);
            continue;
          }
          // The current state may hold this very command's events, appended by another instance since the
          // check above: they are its answer, not a refusal or a no-op decided on top of them.
          const earlier = idempotent && loaded.version > 0 ? await this.earlierResult(context.commandId, aggregateId, streamId) : undefined;
          if (earlier) return earlier;
          if (decision instanceof DomainError) {
            // Decided once, answered the same forever: a redelivery must not succeed on a newer state.
            if (idempotent) await this.store.recordRefusal(context.commandId, streamId, decision);
            throw decision;
          }
          return { aggregateId, streamId, version: loaded.version, events, position: undefined };
        }
        // A stream's first event never changes, so one look-up serves every attempt.
        if (joinStream && loaded.version > 0) context.metadata.correlationId = streamCorrelation ??= await this.correlationOf(streamId);
        try {
          const appended = await this.store.append(
            streamId,
            events.map((event, index) => ({ id: eventIdFor(context.commandId, index), type: event.type, data: event.data })),
            loaded.version,
            eventMetadata(context),
          );
          if (appended.replayed) {
            // Another instance executed this command id since the check above, so what was just decided is
            // not what happened (and the state may hold the stored events already): answer with the stored
            // events, and reload the state next time.
            this.repository.forget(streamId);
            return (await this.earlierResult(context.commandId, aggregateId, streamId))!;
          }
          const state = events.reduce(aggregate.apply, loaded.state);
          await this.repository.saved(aggregate, streamId, loaded.version, { state, version: appended.version, owner });
          return { aggregateId, streamId, version: appended.version, events, position: appended.positions.at(-1) };
        } catch (error) {
          // Some of the ids stored already: another instance executed this command id, deciding fewer events.
          const earlier =
            idempotent && error instanceof DuplicateEventError
              ? await this.earlierResult(context.commandId, aggregateId, streamId)
              : undefined;
          if (earlier) {
            this.repository.forget(streamId);
            return earlier;
          }
          if (!(error instanceof WrongExpectedVersionError)) throw error;
          this.repository.forget(streamId);
        }
      }
      throw new ConcurrencyConflictError(streamId, this.maxAttempts);
    });
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

  /** The correlation a stream began with: that of its first event. */
  private async correlationOf(streamId: string): Promise<string> {
    const [first] = await this.store.readStream(streamId, { fromVersion: 1, limit: 1 });
    if (!first) throw new Error(`Stream "${streamId}" has a version but no first event`);
    return first.metadata.correlationId;
  }

  /** A command id seen before: the result of its first execution, rebuilt from the events it appended. */
  private async earlierResult(commandId: string, aggregateId: string, streamId: string): Promise<ExecutionResult | undefined> {
    const first = await this.store.readEvent(eventIdFor(commandId, 0));
    // The id used for another aggregate is not this command's earlier result (its append will be refused as a duplicate).
    if (!first || first.streamId !== streamId) return undefined;
    const following = await this.store.readStream(streamId, { fromVersion: first.version, limit: 1_000 });
    const events = following.filter((event, index) => event.eventId === eventIdFor(commandId, index));
    const last = events.at(-1) ?? first;
    return {
      aggregateId,
      streamId,
      version: last.version,
      events: events.map((event) => ({ type: event.type, data: event.data })),
      position: last.position,
      replayed: true,
    };
  }
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
