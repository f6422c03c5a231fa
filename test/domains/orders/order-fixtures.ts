import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { expect } from 'vitest';
import { firstField } from '../../support/graphql-results.js';
import type { TestApp } from '../../support/test-app.js';
import { CREATE_ORDER } from './order-operations.js';

export const newId = () => crypto.randomUUID();
export const newOrderNumber = () => `PO-${Math.random().toString(36).slice(2, 10)}`;

export interface ItemInput {
  productId: string;
  quantity: number;
  uom: 'KG' | 'MT';
}

export const newItem = (overrides: Partial<ItemInput> = {}): ItemInput => ({ productId: newId(), quantity: 1.5, uom: 'KG', ...overrides });

export interface OrderInput {
  id: string;
  orderNumber: string;
  businessPartner: string;
  items: ItemInput[];
}

export function orderInput(overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    id: newId(),
    orderNumber: newOrderNumber(),
    businessPartner: 'buyer@example.com',
    items: [newItem(), newItem({ uom: 'MT' })],
    ...overrides,
  };
}

/** Creates an order through GraphQL and checks it was created. */
export async function createOrder(t: TestApp, overrides: Partial<OrderInput> = {}): Promise<OrderInput> {
  const input = orderInput(overrides);
  const { data, errors } = await t.graphql(CREATE_ORDER, { input });
  expect(errors).toBeUndefined();
  expect(data!.createOrder).toMatchObject({ __typename: 'Order', id: input.id, status: 'OPEN' });
  return input;
}

/** Runs a mutation that must be refused with a typed result and proves the log did not move. */
export async function refused<Result extends object, Variables>(
  t: TestApp,
  document: TypedDocumentNode<Result, Variables>,
  variables: NoInfer<Variables>,
) {
  // Reactions to earlier commands (the shipment policy) may still append: only this command is measured.
  await t.settle();
  const head = await t.app.store.head();
  const { data, errors } = await t.graphql(document, variables);
  expect(errors).toBeUndefined();
  expect(await t.app.store.head()).toBe(head);
  return firstField(data);
}
