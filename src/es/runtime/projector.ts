import type { Kysely, Transaction } from 'kysely';
import type { DomainEvent } from '../aggregate.js';
import type { RecordedEvent } from '../recorded-event.js';

export type ProjectionHandlers<Tables, E extends DomainEvent> = {
  [T in E['type']]?: (trx: Transaction<Tables>, event: RecordedEvent<T, Extract<E, { type: T }>['data']>) => Promise<void>;
};

/** Keeps read tables from events. Its writes and its checkpoint commit together. */
export interface Projector<Tables = any, E extends DomainEvent = DomainEvent> {
  name: string;
  handlers: ProjectionHandlers<Tables, E>;
  /** Empties the projector's tables before a rebuild replays the log from the start. */
  reset(db: Kysely<Tables>): Promise<void>;
}

export function defineProjector<Tables, E extends DomainEvent>(projector: Projector<Tables, E>): Projector<Tables, E> {
  return projector;
}
