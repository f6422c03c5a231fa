import type { DomainEvent } from '../aggregate.js';
import type { RecordedEvent } from '../recorded-event.js';
import type { ErrorPolicy } from './error-policy.js';
import type { ReactionContext } from './reaction-context.js';

export type EventHandlerFunctions<E extends DomainEvent> = {
  [T in E['type']]?: (event: RecordedEvent<T, Extract<E, { type: T }>['data']>, context: ReactionContext) => Promise<void>;
};

/** A side effect per event type: checkpointed, at-least-once, so each function must be idempotent. */
export interface EventHandler<E extends DomainEvent = DomainEvent> {
  name: string;
  handlers: EventHandlerFunctions<E>;
  errorPolicy?: Partial<ErrorPolicy>;
}

export function defineEventHandler<E extends DomainEvent>(handler: EventHandler<E>): EventHandler<E> {
  return handler;
}
