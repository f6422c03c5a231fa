import type { DomainEvent } from '../aggregate.js';
import type { RecordedEvent } from '../recorded-event.js';
import type { ErrorPolicy } from './error-policy.js';
import type { ReactionContext } from './reaction-context.js';

export type EventHandlerFunctions<E extends DomainEvent> = {
  [T in E['type']]?: (event: RecordedEvent<T, Extract<E, { type: T }>['data']>, context: ReactionContext) => Promise<void>;
};

/**
 * A side effect per event type: checkpointed, at-least-once, so each function must be idempotent.
 * Events are handled one at a time in log order, unless `partitionBy` says which may run
 * concurrently: events with the same key (say, the stream id) still run in log order, those with
 * different keys at once, up to `concurrency` keys (default 16).
 */
export interface EventHandler<E extends DomainEvent = DomainEvent> {
  name: string;
  handlers: EventHandlerFunctions<E>;
  errorPolicy?: Partial<ErrorPolicy>;
  partitionBy?: (event: RecordedEvent) => string;
  concurrency?: number;
}

export function defineEventHandler<E extends DomainEvent>(handler: EventHandler<E>): EventHandler<E> {
  return handler;
}
