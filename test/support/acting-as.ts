import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ExecutionResult } from 'graphql';
import { expect } from 'vitest';
import type { Actor } from '../../src/es/actor.js';
import type { NoRequiredVariables, TestApp } from './test-app.js';
import { authorizationFor } from './test-auth.js';

/** Runs GraphQL operations on `t` with a real signed token of the actor given (anonymous when undefined). */
export function actingAs(t: TestApp) {
  async function as<R, V>(actor: Actor | undefined, document: TypedDocumentNode<R, V>, variables: NoInfer<V>): Promise<ExecutionResult<R>>;
  async function as<R>(actor: Actor | undefined, document: TypedDocumentNode<R, NoRequiredVariables>): Promise<ExecutionResult<R>>;
  async function as(actor: Actor | undefined, document: TypedDocumentNode<unknown, any>, variables?: unknown) {
    return t.graphql(document, variables, actor ? await authorizationFor(actor) : {});
  }
  return as;
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
