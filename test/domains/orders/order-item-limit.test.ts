import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ORDER_ITEMS } from '../../../src/domains/orders/orders-values.js';
import { ValidationError } from '../../../src/es/domain-error.js';
import { expectTypename } from '../../support/graphql-results.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { TEST_ACTOR } from '../../support/test-auth.js';
import { createOrder, newItem, orderInput, refused } from './order-fixtures.js';
import { ADD_ORDER_ITEMS, CREATE_ORDER } from './order-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

const items = (count: number) => Array.from({ length: count }, () => newItem());

describe(`an order holds at most ${MAX_ORDER_ITEMS} items`, () => {
  it('creates an order with exactly the most items', async () => {
    await createOrder(t, { items: items(MAX_ORDER_ITEMS) });
  });

  it.each([MAX_ORDER_ITEMS + 1, 2_800])('refuses to create an order with %i items, appending nothing', async (count) => {
    const result = await refused(t, CREATE_ORDER, { input: orderInput({ items: items(count) }) });
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', fields: [{ path: 'items' }] });
    expect(expectTypename(result, 'ValidationError').fields[0]!.message).toContain(String(MAX_ORDER_ITEMS));
  });

  it('refuses to add more items than an order may hold in one go, appending nothing', async () => {
    const { id } = await createOrder(t);
    const result = await refused(t, ADD_ORDER_ITEMS, { id, items: items(MAX_ORDER_ITEMS + 1) });
    expect(result).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'items' }] });
  });

  it('refuses items that would take an order beyond the most, a few at a time, appending nothing', async () => {
    const { id } = await createOrder(t, { items: items(MAX_ORDER_ITEMS - 1) });
    const result = await refused(t, ADD_ORDER_ITEMS, { id, items: items(2) });
    expect(result).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'items' }] });
    expect(expectTypename(result, 'ValidationError').fields[0]!.message).toContain(String(MAX_ORDER_ITEMS));

    const filled = await t.graphql(ADD_ORDER_ITEMS, { id, items: items(1) });
    expect(filled.data!.addOrderItems).toMatchObject({ __typename: 'Order', version: 2 });
    expect(await refused(t, ADD_ORDER_ITEMS, { id, items: items(1) })).toMatchObject({ __typename: 'ValidationError' });
  });

  it('refuses an oversized order sent to the router directly, as any entry point would', async () => {
    await t.settle();
    const head = await t.app.store.head();
    const sent = t.app.router.dispatch(
      { type: 'CreateOrder', ...orderInput({ items: items(MAX_ORDER_ITEMS + 1) }) },
      { actor: TEST_ACTOR },
    );
    await expect(sent).rejects.toBeInstanceOf(ValidationError);
    expect(await t.app.store.head()).toBe(head);
  });
});
