import type { Command, DomainEvent } from '../aggregate.js';
import type { DomainError } from '../domain-error.js';
import type { RecordedEvent } from '../recorded-event.js';
import type { ErrorPolicy } from './error-policy.js';

/** Which process instance an event belongs to, and what it does to it. */
export type ProcessRoute = { start: string } | { continue: string } | { stop: string };

/**
 * A long-running process across aggregates, as pure functions: route an event to an instance,
 * decide the commands it dispatches, evolve the instance's state. `onError` turns a command a
 * domain rule refused into compensating commands (a refund, say).
 */
export interface ProcessManager<State = unknown, E extends DomainEvent = DomainEvent> {
  name: string;
  initialState: State;
  interestedIn(event: RecordedEvent<E['type'], E['data']> & E): ProcessRoute | undefined;
  handle(state: State, event: E): Command[];
  apply(state: State, event: E): State;
  onError?(error: DomainError, command: Command, state: State): Command[];
  errorPolicy?: Partial<ErrorPolicy>;
  /**
   * How many instances a batch handles at once (default 16). Events of one instance are always
   * handled in log order, one after the other.
   */
  concurrency?: number;
}

export function defineProcessManager<State, E extends DomainEvent>(manager: ProcessManager<State, E>): ProcessManager<State, E> {
  return manager;
}
