import { expect } from 'vitest';
import type { Actor } from '../../src/es/actor.js';
import type { TestApp } from './test-app.js';
import { authorizationFor } from './test-auth.js';

/** Runs GraphQL operations on `t` with a real signed token of the actor given (anonymous when undefined). */
export function actingAs(t: TestApp) {
  return async (actor: Actor | undefined, query: string, variables?: Record<string, unknown>) =>
    t.graphql<any, Record<string, unknown>>(query, variables, actor ? await authorizationFor(actor) : {});
}

/** Runs `act` and checks that the log did not move: a refused operation appends nothing. */
export async function appendsNothing<T>(t: TestApp, act: () => Promise<T>): Promise<T> {
  await t.settle();
  const head = await t.app.store.head();
  const result = await act();
  await t.settle();
  expect(await t.app.store.head()).toBe(head);
  return result;
}

/** The code a refused query or subscription answered with, or a refused mutation's error result. */
export function refusalCode(result: { data?: any; errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }): unknown {
  const value = result.data && Object.values(result.data)[0];
  return (value as { code?: unknown } | null | undefined)?.code ?? result.errors?.[0]?.extensions?.code;
}
