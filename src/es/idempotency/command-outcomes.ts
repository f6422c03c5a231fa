import type { Kysely } from 'kysely';
import type { DomainEvent } from '../aggregate.js';
import type { ExecutionResult } from '../command-context.js';
import { eventIdFor } from '../deterministic-id.js';
import type { DomainError } from '../domain-error.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { EventStore } from '../event-store.js';
import type { NewEvent } from '../recorded-event.js';
import { findRefusal, recordRefusal } from './refusals.js';

/** The aggregate instance a command goes to. */
export interface CommandTarget {
  aggregateId: string;
  streamId: string;
}

/**
 * Idempotent dispatch, the router's one entry to it. A command sent with a stable id
 * (`DispatchOptions.commandId`) is executed once; sent again, it is answered with the outcome of
 * that first execution, and appends nothing.
 *
 * A success needs no record of its own: the events a command appends take ids derived from its
 * command id (`commandEvents`), so the events stored under those ids are its outcome
 * (`storedResult`), and appending them twice is impossible. A refusal appends nothing, so the
 * refusal its aggregate decided is recorded (`recordRefusal`, in `command_refusals`). Events are
 * looked up before refusals: a success, if any attempt had one, is the answer.
 */
export class CommandOutcomes {
  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<EventStoreTables>,
  ) {}

  /** The outcome of the command id's earlier execution: its result (`replayed`), its refusal, or undefined if it has none. */
  async previous(commandId: string, target: CommandTarget): Promise<ExecutionResult | DomainError | undefined> {
    return (await this.storedResult(commandId, target)) ?? (await findRefusal(this.db, commandId));
  }

  /** The result of the command id's first execution, rebuilt from the events it appended; undefined when none are stored. */
  async storedResult(commandId: string, { aggregateId, streamId }: CommandTarget): Promise<ExecutionResult | undefined> {
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

  /** Decided once, answered the same forever: a redelivery gets this refusal even if the command would succeed by then. */
  recordRefusal(commandId: string, streamId: string, refusal: DomainError): Promise<void> {
    return recordRefusal(this.db, commandId, streamId, refusal);
  }
}

/** The events a command decided, as appended: each with the id its command id and place give it. */
export function commandEvents(commandId: string, events: readonly DomainEvent[]): NewEvent[] {
  return events.map((event, index) => ({ id: eventIdFor(commandId, index), type: event.type, data: event.data }));
}
