import { deepStrictEqual } from 'node:assert/strict';
import type { Command, DomainEvent } from '../aggregate.js';
import type { DomainError } from '../domain-error.js';
import type { ProcessManager, ProcessRoute } from '../runtime/process-manager.js';
import type { RecordedEvent } from '../recorded-event.js';

/**
 * given(events).when(event).then(commands) for a process manager, with no database.
 * `routes` checks `interestedIn`; `failing(error, command)` checks its compensations.
 */
/** A command as a test writes it: its type plus any fields. */
type ExpectedCommand = Command & Record<string, unknown>;

export function processManagerSpec<S, E extends DomainEvent>(manager: ProcessManager<S, E>) {
  return {
    given(...history: E[]) {
      const state = history.reduce(manager.apply, manager.initialState);
      return {
        when(event: E) {
          return {
            then(...expected: ExpectedCommand[]): void {
              deepStrictEqual(manager.handle(state, event), expected);
            },
            routes(expected: ProcessRoute | undefined): void {
              deepStrictEqual(manager.interestedIn(asRecorded(event)), expected);
            },
          };
        },
        failing(error: DomainError, command: ExpectedCommand) {
          return {
            then(...expected: ExpectedCommand[]): void {
              deepStrictEqual(manager.onError?.(error, command, state) ?? [], expected);
            },
          };
        },
        thenState(expected: S): void {
          deepStrictEqual(state, expected);
        },
      };
    },
  };
}

function asRecorded<E extends DomainEvent>(event: E): RecordedEvent<E['type'], E['data']> & E {
  return {
    ...event,
    position: 1,
    eventId: '00000000-0000-4000-8000-000000000000',
    streamId: 'spec',
    version: 1,
    metadata: { correlationId: 'spec', causationId: undefined, actor: undefined },
    occurredAt: new Date(0),
  } as RecordedEvent<E['type'], E['data']> & E;
}
