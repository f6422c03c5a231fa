import { deepStrictEqual, fail } from 'node:assert/strict';
import type { Aggregate, Command, DomainEvent } from '../aggregate.js';
import { DomainError } from '../domain-error.js';

/**
 * given(events).when(command).then(events) / .thenError(code), with no database:
 * the aggregate's history is replayed through `apply`, the command through `execute`.
 */
export function aggregateSpec<S, C extends Command, E extends DomainEvent>(aggregate: Aggregate<S, C, E>) {
  return {
    given(...history: E[]) {
      const state = history.reduce(aggregate.apply, aggregate.initialState);
      return {
        when(command: C) {
          const decide = () => aggregate.execute(state, command);
          return {
            then(...expected: E[]): void {
              const decision = decide();
              if (decision instanceof DomainError) fail(`expected events, got ${decision.code}: ${decision.message}`);
              deepStrictEqual(Array.isArray(decision) ? decision : [decision], expected);
            },
            thenError(code: string): DomainError {
              const decision = decide();
              if (!(decision instanceof DomainError)) fail(`expected ${code}, got events ${JSON.stringify(decision)}`);
              deepStrictEqual(decision.code, code);
              return decision;
            },
          };
        },
        /** The state after the history, for checks of `apply` alone. */
        thenState(expected: S): void {
          deepStrictEqual(state, expected);
        },
      };
    },
  };
}
