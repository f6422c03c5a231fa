import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { DomainEvent } from '../aggregate.js';
import type { RecordedEvent } from '../recorded-event.js';

/**
 * Applies a run of consecutive events in one go (one statement for many events, say). The runtime
 * hands it every event of its types that follows without another handled event in between, in
 * log order, so the result is the same as applying them one by one.
 */
export interface BatchHandler<Tables, Event extends RecordedEvent> {
  readonly batch: (trx: Transaction<Tables>, events: Event[]) => Promise<void>;
}

/**
 * A batch handler whose writes for a run are one SQL statement, given as its common table
 * expressions (`moves as (...), accounts as (update ...)`). When a batch holds nothing else to
 * apply, the runtime sends them together with the checkpoint's move as one autocommit statement:
 * one round trip where a transaction takes four.
 */
export interface StatementHandler<Event extends RecordedEvent> {
  readonly writes: (events: Event[]) => RawBuilder<unknown>;
}

export type EventHandlerFunction<Tables, Event extends RecordedEvent> = (trx: Transaction<Tables>, event: Event) => Promise<void>;

export type ProjectionHandlers<Tables, E extends DomainEvent> = {
  [T in E['type']]?:
    | EventHandlerFunction<Tables, RecordedEvent<T, Extract<E, { type: T }>['data']>>
    | BatchHandler<Tables, RecordedEvent<T, Extract<E, { type: T }>['data']>>
    | StatementHandler<RecordedEvent<T, Extract<E, { type: T }>['data']>>;
};

/** Keeps read tables from events. Its writes and its checkpoint commit together. */
export interface Projector<Tables = any, E extends DomainEvent = DomainEvent> {
  name: string;
  /**
   * The version of the code that writes the tables (default 1). When an instance starts with a
   * higher one than the live tables were written by, it builds a new version of them beside the
   * live ones and switches to it once caught up (docs/projections.md).
   */
  version?: number;
  /**
   * The tables it writes, in `public`: a rebuild builds a new version of them beside the live ones
   * (blue-green). A projector that names none is rebuilt in place: `reset`, then a replay.
   */
  tables?: readonly string[];
  handlers: ProjectionHandlers<Tables, E>;
  /** Empties the projector's tables before an in-place rebuild replays the log from the start. */
  reset(db: Kysely<Tables>): Promise<void>;
}

/** The lock whose holder leads a projector of one code version: instances of different code lead them separately. */
export function projectorLockName(name: string, codeVersion: number): string {
  return codeVersion === 1 ? name : `${name}@v${codeVersion}`;
}

export function defineProjector<Tables, E extends DomainEvent>(projector: Projector<Tables, E>): Projector<Tables, E> {
  return projector;
}

/** Marks a handler as taking runs of events (see `BatchHandler`); give the same one to each type it handles. */
export function inBatches<Tables, Event extends RecordedEvent>(
  batch: (trx: Transaction<Tables>, events: Event[]) => Promise<void>,
): BatchHandler<Tables, Event> {
  return { batch };
}

/** Marks a handler as writing runs of events in one statement (see `StatementHandler`); give the same one to each type it handles. */
export function inOneStatement<Event extends RecordedEvent>(writes: (events: Event[]) => RawBuilder<unknown>): StatementHandler<Event> {
  return { writes };
}
