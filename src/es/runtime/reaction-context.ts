import type { Kysely } from 'kysely';
import { systemActor } from '../actor.js';
import type { CommandMessage, DomainEvent } from '../aggregate.js';
import type { ExecutionResult } from '../command-context.js';
import type { CommandRouter, DispatchOptions } from '../command-router.js';
import { deterministicId } from '../deterministic-id.js';
import type { EventStore } from '../event-store.js';
import type { RecordedEvent } from '../recorded-event.js';

export type ReactionDispatchOptions = Pick<DispatchOptions, 'consistency' | 'projections'>;

/** What an event handler may do while it handles one event. */
export interface ReactionContext {
  readonly db: Kysely<any>;
  /**
   * Dispatches a command caused by this event: correlation follows the event, causation is the
   * event, the actor is the system (`system:<handler>`), and the command id is derived from
   * (handler, event, n) so a redelivery dispatches nothing new.
   */
  dispatch<E extends DomainEvent = DomainEvent>(command: CommandMessage, options?: ReactionDispatchOptions): Promise<ExecutionResult<E>>;
  /** Links this event into another stream (a category, say) as its next version; linking it again is a no-op. */
  link(streamId: string): Promise<void>;
}

/** The engine parts a reaction works with. */
export interface ReactionServices {
  router: CommandRouter;
  store: EventStore;
  db: Kysely<any>;
}

export function reactionContext(handlerName: string, event: RecordedEvent, services: ReactionServices, salt: string = ''): ReactionContext {
  const { router, store, db } = services;
  let sent = 0;
  return {
    db,
    dispatch(command, options = {}) {
      return router.dispatch(command, {
        ...options,
        ...causedBy(event),
        actor: systemActor(handlerName),
        commandId: deterministicId(handlerName, event.eventId, salt, sent++),
      });
    },
    async link(streamId) {
      await store.link(streamId, [event.position]);
    },
  };
}

/** Correlation follows the event and causation is the event; the actor is the handler itself, not whoever caused the event. */
export function causedBy(event: RecordedEvent): Pick<DispatchOptions, 'correlationId' | 'causationId'> {
  return { correlationId: event.metadata.correlationId, causationId: event.eventId };
}
