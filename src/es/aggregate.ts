import type { Ownership } from './access/ownership.js';
import type { CommandDeclarations } from './command-declarations.js';
import { DomainError } from './domain-error.js';
import type { PersonalFields } from './personal-data/personal-data-declaration.js';

/** An event as an aggregate decides it: a type and its data. The store adds ids, versions and metadata. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Command<Type extends string = string> {
  type: Type;
}

/** Any command as sent to the router: a typed command, or a literal with its type and whatever fields it carries. */
export type CommandMessage = Command | (Command & { readonly [field: string]: unknown });

/** What `execute` returns: the new events (none, one or many), or the rule that refused the command. */
export type Decision<Event> = Event | readonly Event[] | DomainError;

export interface SnapshotSettings<State> {
  /** Take a snapshot each time the stream crosses a multiple of this many events. */
  every: number;
  /** Bump when the state's shape changes: snapshots of another version are ignored and rebuilt from events. */
  schemaVersion: number;
  toJSON?(state: State): unknown;
  fromJSON?(json: unknown): State;
  /** Personal fields of the state (as `toJSON` gives it), sealed in snapshots as in events (docs/privacy.md). */
  personalData?: PersonalFields;
}

/**
 * An aggregate is a plain, pure definition: no I/O. `execute` decides, `apply` evolves.
 * Its stream is `${name}-${identity}`.
 */
export interface Aggregate<State, C extends Command = Command, E extends DomainEvent = DomainEvent> {
  name: string;
  initialState: State;
  execute(state: State, command: C): Decision<E>;
  apply(state: State, event: E): State;
  snapshot?: SnapshotSettings<State>;
  /** Which events claim the aggregate for the actor who appends them; without it, nobody owns it. */
  ownership?: Ownership<E['type']>;
  /** The commands it takes, each with its schema and the refusals it may answer (`defineCommands`). */
  commands?: CommandDeclarations;
}

/**
 * Defines an aggregate. With `commands` declared, a refusal the command does not declare is a bug
 * (a mutation's result union is made of the declared ones): it throws, and so is masked and logged.
 */
export function defineAggregate<State, C extends Command, E extends DomainEvent>(
  aggregate: Aggregate<State, C, E>,
): Aggregate<State, C, E> {
  const { commands } = aggregate;
  if (!commands) return aggregate;
  return {
    ...aggregate,
    execute(state, command) {
      const decision = aggregate.execute(state, command);
      if (decision instanceof DomainError && !commands[command.type]?.refusals.some((refusal) => decision instanceof refusal)) {
        throw new UndeclaredRefusalError(aggregate.name, command.type, decision);
      }
      return decision;
    },
  };
}

/** An aggregate refused a command with an error the command's declaration does not list. */
export class UndeclaredRefusalError extends Error {
  override readonly name = 'UndeclaredRefusalError';
  constructor(aggregate: string, command: string, refusal: DomainError) {
    super(`The ${aggregate} aggregate refused ${command} with ${refusal.code}, which ${command} does not declare among its refusals`);
  }
}

export function streamIdOf(aggregate: { name: string }, identity: string): string {
  return `${aggregate.name}-${identity}`;
}
