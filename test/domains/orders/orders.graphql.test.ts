import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipmentIdFor } from '../../../src/domains/orders/shipment-id.js';
import { expectTypename } from '../../support/graphql-results.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createOrder, newId, newItem, newOrderNumber, orderInput, refused } from './order-fixtures.js';
import {
  ADD_ORDER_ITEMS,
  BLOCK_PRODUCT,
  BLOCKED_PRODUCTS,
  COMPLETE_ORDER,
  CREATE_ORDER,
  DELETE_ORDER,
  DELIVER_SHIPMENT,
  DISPATCH_SHIPMENT,
  EVENTS_BY_CORRELATION,
  ORDER,
  ORDER_BY_NUMBER,
  ORDERS,
  ORDERS_STREAM,
  REMOVE_ORDER_ITEM,
  UNBLOCK_PRODUCT,
} from './order-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

const readOrder = async (id: string) => (await t.graphql(ORDER, { id })).data!.order;

describe('an order from creation to delivery', () => {
  it('runs the whole chain, the shipment created by the policy, the order following its shipment', async () => {
    const input = await createOrder(t);
    const [first, second] = input.items;
    const extra = newItem({ quantity: 0.25, uom: 'MT' });

    const added = await t.graphql(ADD_ORDER_ITEMS, { id: input.id, items: [extra] });
    expect(added.data!.addOrderItems).toMatchObject({ __typename: 'Order', version: 2, items: [first, second, extra] });
    const removed = await t.graphql(REMOVE_ORDER_ITEM, { id: input.id, productId: first!.productId });
    expect(removed.data!.removeOrderItem).toMatchObject({ version: 3, items: [second, extra] });
    const completed = await t.graphql(COMPLETE_ORDER, { id: input.id });
    expect(completed.data!.completeOrder).toMatchObject({ __typename: 'Order', status: 'COMPLETED', version: 4 });

    await t.settle();
    const shipmentId = shipmentIdFor(input.id);
    expect(await readOrder(input.id)).toMatchObject({
      status: 'COMPLETED',
      shipment: { id: shipmentId, orderId: input.id, status: 'PENDING' },
    });

    const dispatched = await t.graphql(DISPATCH_SHIPMENT, { id: shipmentId });
    expect(dispatched.data!.dispatchShipment).toMatchObject({ __typename: 'Shipment', status: 'DISPATCHED' });
    expect(await readOrder(input.id)).toMatchObject({ status: 'SHIPPED', shipment: { status: 'DISPATCHED' } });
    const delivered = await t.graphql(DELIVER_SHIPMENT, { id: shipmentId });
    expect(delivered.data!.deliverShipment).toMatchObject({ __typename: 'Shipment', status: 'DELIVERED' });
    expect(await readOrder(input.id)).toMatchObject({
      id: input.id,
      orderNumber: input.orderNumber,
      businessPartner: input.businessPartner,
      status: 'DELIVERED',
      items: [second, extra],
      shipment: { id: shipmentId, status: 'DELIVERED' },
    });

    // One correlation, that of the create request, runs through every event of the chain, in order.
    const [orderCreated] = await t.app.store.readStream(`order-${input.id}`, { limit: 1 });
    const correlationId = orderCreated!.metadata.correlationId;
    const { data } = await t.graphql(EVENTS_BY_CORRELATION, { correlationId });
    const chain = data!.events.edges.map((edge) => edge.node);
    expect(chain.map((event) => event.type)).toEqual([
      'OrderCreated',
      'OrderItemsAdded',
      'OrderItemRemoved',
      'OrderCompleted',
      'ShipmentCreated',
      'ShipmentDispatched',
      'ShipmentDelivered',
    ]);
    expect(chain.every((event) => event.metadata.correlationId === correlationId)).toBe(true);
    const positions = chain.map((event) => Number(event.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const orderCompleted = chain.find((event) => event.type === 'OrderCompleted')!;
    const shipmentCreated = chain.find((event) => event.type === 'ShipmentCreated')!;
    expect(shipmentCreated).toMatchObject({ streamId: `shipment-${shipmentId}`, version: 1 });
    expect(shipmentCreated.metadata.causationId).toBe(orderCompleted.eventId);
  });

  it('links every order event into the stream "orders", with its own contiguous versions', async () => {
    const input = await createOrder(t);
    await t.graphql(ADD_ORDER_ITEMS, { id: input.id, items: [newItem()] });
    await t.graphql(COMPLETE_ORDER, { id: input.id });
    await t.settle();

    const linked = [];
    let after: string | null | undefined;
    for (;;) {
      const { data, errors } = await t.graphql(ORDERS_STREAM, { after });
      expect(errors).toBeUndefined();
      const page = data!.stream!.events;
      linked.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(linked.map((event) => event.version)).toEqual(linked.map((_, index) => index + 1));
    expect(linked.every((event) => event.streamId === 'orders' && event.linkedFrom!.streamId.startsWith('order-'))).toBe(true);
    const positions = linked.map((event) => Number(event.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const ours = linked.filter((event) => event.linkedFrom!.streamId === `order-${input.id}`);
    expect(ours.map((event) => [event.type, event.linkedFrom!.version])).toEqual([
      ['OrderCreated', 1],
      ['OrderItemsAdded', 2],
      ['OrderCompleted', 3],
    ]);
    // Shipment events belong to the order's correlation, but not to the order category.
    expect(linked.some((event) => event.type.startsWith('Shipment'))).toBe(false);
  });
});

describe('reading orders', () => {
  it('finds an order by id in any letter case, and by its exact number', async () => {
    const input = await createOrder(t);
    expect(await readOrder(input.id.toUpperCase())).toMatchObject({ id: input.id });
    expect((await t.graphql(ORDER_BY_NUMBER, { orderNumber: input.orderNumber })).data!.orderByNumber).toMatchObject({ id: input.id });
    expect((await t.graphql(ORDER_BY_NUMBER, { orderNumber: input.orderNumber.toLowerCase() })).data!.orderByNumber).toBeNull();
    expect(await readOrder(newId())).toBeNull();
    expect(await readOrder('not-a-uuid')).toBeNull();
  });

  it('lists orders oldest first, by status and business partner, a page at a time', async () => {
    const businessPartner = `${newId().slice(0, 8)}@partner.example`;
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createOrder(t, { businessPartner })).id);
    await t.graphql(COMPLETE_ORDER, { id: ids[1]! });

    const page1 = (await t.graphql(ORDERS, { businessPartner, first: 2 })).data!.orders;
    expect(page1.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 2));
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await t.graphql(ORDERS, { businessPartner, first: 2, after: page1.pageInfo.endCursor })).data!.orders;
    expect(page2.edges.map((edge) => edge.node.id)).toEqual([ids[2]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const open = (await t.graphql(ORDERS, { businessPartner, status: 'OPEN' })).data!.orders;
    expect(open.edges.map((edge) => edge.node.id)).toEqual([ids[0], ids[2]]);
    const completed = (await t.graphql(ORDERS, { businessPartner, status: 'COMPLETED' })).data!.orders;
    expect(completed.edges.map((edge) => edge.node)).toMatchObject([{ id: ids[1], status: 'COMPLETED', items: [{}, {}] }]);
  });

  it('answers a malformed cursor with a client error', async () => {
    const { errors } = await t.graphql(ORDERS, { first: 1, after: 'nope' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('bad input: a typed error, nothing appended', () => {
  it('reports every failing field of a create at once, with dotted paths', async () => {
    const result = await refused(t, CREATE_ORDER, {
      input: {
        id: 'not-a-uuid',
        orderNumber: '  ',
        businessPartner: 'not-an-email',
        items: [
          { productId: 'nope', quantity: 0, uom: 'KG' },
          { productId: newId(), quantity: -2.5, uom: 'MT' },
        ],
      },
    });
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    expect(
      expectTypename(result, 'ValidationError')
        .fields.map((field) => field.path)
        .sort(),
    ).toEqual(['businessPartner', 'id', 'items.0.productId', 'items.0.quantity', 'items.1.quantity', 'orderNumber'].sort());
  });

  it('refuses an order without items, and a product twice', async () => {
    const empty = await refused(t, CREATE_ORDER, { input: orderInput({ items: [] }) });
    expect(empty).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'items' }] });
    const item = newItem();
    const twice = await refused(t, CREATE_ORDER, { input: orderInput({ items: [item, newItem(), { ...item, quantity: 9 }] }) });
    expect(twice).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ path: 'items.2.productId', message: 'appears more than once' }],
    });
  });

  it('refuses a unit of measure other than KG or MT before it reaches the domain', async () => {
    const head = await t.app.store.head();
    const { errors } = await t.graphql(CREATE_ORDER, { input: orderInput({ items: [{ ...newItem(), uom: 'LB' as 'KG' }] }) });
    expect(errors?.[0]?.message).toMatch(/UnitOfMeasure/);
    expect(await t.app.store.head()).toBe(head);
  });

  it('validates the ids and items of every other command', async () => {
    const { id } = await createOrder(t);
    const cases = [
      [() => refused(t, ADD_ORDER_ITEMS, { id: 'x', items: [{ ...newItem(), quantity: 0 }] }), ['id', 'items.0.quantity']],
      [() => refused(t, ADD_ORDER_ITEMS, { id, items: [] }), ['items']],
      [() => refused(t, REMOVE_ORDER_ITEM, { id, productId: 'x' }), ['productId']],
      [() => refused(t, COMPLETE_ORDER, { id: 'x' }), ['id']],
      [() => refused(t, DELETE_ORDER, { id: '' }), ['id']],
      [() => refused(t, DISPATCH_SHIPMENT, { id: 'x' }), ['id']],
      [() => refused(t, DELIVER_SHIPMENT, { id: 'x' }), ['id']],
      [() => refused(t, BLOCK_PRODUCT, { productId: 'x' }), ['productId']],
      [() => refused(t, UNBLOCK_PRODUCT, { productId: 'x' }), ['productId']],
    ] as const;
    for (const [refusal, paths] of cases) {
      const result = expectTypename(await refusal(), 'ValidationError');
      expect(result.fields.map((field) => field.path).sort()).toEqual([...paths].sort());
    }
  });
});

describe('refusals: a typed error, nothing appended', () => {
  it('answers ORDER_NOT_FOUND for an unknown order on every command', async () => {
    const id = newId();
    for (const refusal of [
      () => refused(t, ADD_ORDER_ITEMS, { id, items: [newItem()] }),
      () => refused(t, REMOVE_ORDER_ITEM, { id, productId: newId() }),
      () => refused(t, COMPLETE_ORDER, { id }),
      () => refused(t, DELETE_ORDER, { id }),
    ]) {
      expect(await refusal()).toMatchObject({ __typename: 'OrderNotFoundError', code: 'ORDER_NOT_FOUND' });
    }
  });

  it('answers ORDER_ALREADY_CREATED for an id in use, ORDER_NUMBER_TAKEN for a number in use, and frees the number a failed create claimed', async () => {
    const first = await createOrder(t);
    const unusedNumber = newOrderNumber();
    const again = await refused(t, CREATE_ORDER, { input: orderInput({ id: first.id, orderNumber: unusedNumber }) });
    expect(again).toMatchObject({ __typename: 'OrderAlreadyCreatedError', code: 'ORDER_ALREADY_CREATED' });
    const taken = await refused(t, CREATE_ORDER, { input: orderInput({ orderNumber: first.orderNumber }) });
    expect(taken).toMatchObject({ __typename: 'OrderNumberTakenError', code: 'ORDER_NUMBER_TAKEN' });
    // The refused create claimed `unusedNumber` and gave it back.
    await createOrder(t, { orderNumber: unusedNumber });
  });

  it('keeps items unique and at least one, and changes only an OPEN order', async () => {
    const input = await createOrder(t);
    const [first, second] = input.items;
    expect(await refused(t, ADD_ORDER_ITEMS, { id: input.id, items: [{ ...first!, quantity: 7 }] })).toMatchObject({
      code: 'ORDER_ITEM_EXISTS',
    });
    expect(await refused(t, REMOVE_ORDER_ITEM, { id: input.id, productId: newId() })).toMatchObject({ code: 'ORDER_ITEM_NOT_FOUND' });
    await t.graphql(REMOVE_ORDER_ITEM, { id: input.id, productId: first!.productId });
    expect(await refused(t, REMOVE_ORDER_ITEM, { id: input.id, productId: second!.productId })).toMatchObject({
      __typename: 'OrderLastItemError',
      code: 'ORDER_LAST_ITEM',
    });
    await t.graphql(COMPLETE_ORDER, { id: input.id });
    expect(await refused(t, COMPLETE_ORDER, { id: input.id })).toMatchObject({ __typename: 'OrderAlreadyCompletedError' });
    expect(await refused(t, ADD_ORDER_ITEMS, { id: input.id, items: [newItem()] })).toMatchObject({ code: 'ORDER_NOT_OPEN' });
    expect(await refused(t, REMOVE_ORDER_ITEM, { id: input.id, productId: second!.productId })).toMatchObject({ code: 'ORDER_NOT_OPEN' });
    expect(await refused(t, DELETE_ORDER, { id: input.id })).toMatchObject({ code: 'ORDER_NOT_OPEN' });
  });

  it('deletes an OPEN order: it leaves the read side, answers ORDER_NOT_FOUND from then on, and keeps its number', async () => {
    const input = await createOrder(t);
    expect((await t.graphql(DELETE_ORDER, { id: input.id })).data!.deleteOrder).toEqual({ __typename: 'DeletedOrder', id: input.id });
    expect(await readOrder(input.id)).toBeNull();
    expect(await refused(t, DELETE_ORDER, { id: input.id })).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(await refused(t, COMPLETE_ORDER, { id: input.id })).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(await refused(t, ADD_ORDER_ITEMS, { id: input.id, items: [newItem()] })).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(await refused(t, CREATE_ORDER, { input: orderInput({ orderNumber: input.orderNumber }) })).toMatchObject({
      code: 'ORDER_NUMBER_TAKEN',
    });
  });

  it('moves a shipment only forward', async () => {
    const input = await createOrder(t);
    expect(await refused(t, DISPATCH_SHIPMENT, { id: shipmentIdFor(input.id) })).toMatchObject({ __typename: 'ShipmentNotFoundError' });
    await t.graphql(COMPLETE_ORDER, { id: input.id });
    await t.settle();
    const id = shipmentIdFor(input.id);
    expect(await refused(t, DELIVER_SHIPMENT, { id })).toMatchObject({ __typename: 'ShipmentNotDispatchedError' });
    await t.graphql(DISPATCH_SHIPMENT, { id });
    expect(await refused(t, DISPATCH_SHIPMENT, { id })).toMatchObject({ __typename: 'ShipmentAlreadyDispatchedError' });
    await t.graphql(DELIVER_SHIPMENT, { id });
    expect(await refused(t, DELIVER_SHIPMENT, { id })).toMatchObject({ __typename: 'ShipmentAlreadyDeliveredError' });
  });
});

describe('blocked products', () => {
  it('refuses to complete an order with blocked products, naming them, until they are unblocked', async () => {
    const blocked = newItem();
    const removedLater = newItem();
    const input = await createOrder(t, { items: [newItem(), blocked, removedLater] });
    for (const product of [blocked, removedLater]) {
      expect((await t.graphql(BLOCK_PRODUCT, { productId: product.productId })).data!.blockProduct).toEqual({
        __typename: 'ProductBlock',
        productId: product.productId,
        blocked: true,
      });
    }
    expect((await t.graphql(BLOCKED_PRODUCTS, {})).data!.blockedProducts).toEqual(
      expect.arrayContaining([blocked.productId, removedLater.productId]),
    );

    const refusal = await refused(t, COMPLETE_ORDER, { id: input.id });
    expect(refusal).toMatchObject({
      __typename: 'OrderHasBlockedProductsError',
      code: 'ORDER_HAS_BLOCKED_PRODUCTS',
      productIds: [blocked.productId, removedLater.productId],
    });
    expect(expectTypename(refusal, 'OrderHasBlockedProductsError').message).toContain(blocked.productId);

    await t.graphql(REMOVE_ORDER_ITEM, { id: input.id, productId: removedLater.productId });
    expect(await refused(t, COMPLETE_ORDER, { id: input.id })).toMatchObject({ productIds: [blocked.productId] });

    // Blocking again changes nothing; unblocking lets the order complete.
    expect(await refused(t, BLOCK_PRODUCT, { productId: blocked.productId })).toMatchObject({ blocked: true });
    expect((await t.graphql(UNBLOCK_PRODUCT, { productId: blocked.productId })).data!.unblockProduct).toMatchObject({ blocked: false });
    expect(await refused(t, UNBLOCK_PRODUCT, { productId: blocked.productId })).toMatchObject({ blocked: false });
    expect((await t.graphql(COMPLETE_ORDER, { id: input.id })).data!.completeOrder).toMatchObject({ status: 'COMPLETED' });
  });
});
