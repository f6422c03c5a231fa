import { type Aggregate, defineAggregate, ValidationError } from '../../es/index.js';
import { type OrderCommand, orderCommands } from './order-commands.js';
import {
  OrderAlreadyCompleted,
  OrderAlreadyCreated,
  OrderHasBlockedProducts,
  OrderItemExists,
  OrderItemNotFound,
  OrderLastItem,
  OrderNotFound,
  OrderNotOpen,
} from './order-errors.js';
import type { OrderEvent } from './order-events.js';
import { MAX_ORDER_ITEMS, type OrderItem } from './orders-values.js';

export type OrderStatus = 'NONE' | 'OPEN' | 'COMPLETED' | 'DELETED';

export interface OrderState {
  status: OrderStatus;
  items: OrderItem[];
}

/** Bump when `OrderState` changes shape: snapshots of another version are then ignored and rebuilt from events. */
export const ORDER_SNAPSHOT_SCHEMA_VERSION = 1;
export const DEFAULT_ORDER_SNAPSHOT_EVERY = 50;

/**
 * An order: created OPEN with its items, changed while OPEN, then COMPLETED (unless a product on
 * it is blocked) or DELETED. A deleted order is gone for every command but a create, which is
 * told the id is taken. Shipping is the shipment's business; the order's read model follows it.
 */
export function defineOrderAggregate({
  snapshotEvery = DEFAULT_ORDER_SNAPSHOT_EVERY,
} = {}): Aggregate<OrderState, OrderCommand, OrderEvent> {
  return defineAggregate<OrderState, OrderCommand, OrderEvent>({
    name: 'order',
    commands: orderCommands,
    ownership: { claimedBy: ['OrderCreated'] },
    initialState: { status: 'NONE', items: [] },
    snapshot: { every: snapshotEvery, schemaVersion: ORDER_SNAPSHOT_SCHEMA_VERSION },

    execute(state, command) {
      const orderId = command.id;
      if (command.type === 'CreateOrder') {
        if (state.status !== 'NONE') return new OrderAlreadyCreated();
        const { orderNumber, businessPartner, items } = command;
        return { type: 'OrderCreated', data: { orderId, orderNumber, businessPartner, items } };
      }
      if (state.status === 'NONE' || state.status === 'DELETED') return new OrderNotFound();

      switch (command.type) {
        case 'AddOrderItems': {
          if (state.status !== 'OPEN') return new OrderNotOpen();
          const existing = command.items.find((item) => itemOf(state, item.productId));
          if (existing) return new OrderItemExists(`The order has an item for product ${existing.productId} already; remove it first`);
          if (state.items.length + command.items.length > MAX_ORDER_ITEMS) {
            const message = `would make ${state.items.length + command.items.length} items; an order has at most ${MAX_ORDER_ITEMS}`;
            return new ValidationError([{ path: 'items', message }]);
          }
          return { type: 'OrderItemsAdded', data: { orderId, items: command.items } };
        }
        case 'RemoveOrderItem':
          if (state.status !== 'OPEN') return new OrderNotOpen();
          if (!itemOf(state, command.productId)) return new OrderItemNotFound();
          if (state.items.length === 1) return new OrderLastItem();
          return { type: 'OrderItemRemoved', data: { orderId, productId: command.productId } };
        case 'CompleteOrder': {
          if (state.status === 'COMPLETED') return new OrderAlreadyCompleted();
          if (!command.blockedProducts) throw new Error('CompleteOrder reached the order without its blocked products looked up');
          const blocked = new Set(command.blockedProducts);
          const refused = state.items.filter((item) => blocked.has(item.productId)).map((item) => item.productId);
          if (refused.length > 0) return new OrderHasBlockedProducts(refused);
          return { type: 'OrderCompleted', data: { orderId } };
        }
        case 'DeleteOrder':
          if (state.status !== 'OPEN') return new OrderNotOpen();
          return { type: 'OrderDeleted', data: { orderId } };
      }
    },

    apply(state, event) {
      switch (event.type) {
        case 'OrderCreated':
          return { status: 'OPEN', items: event.data.items };
        case 'OrderItemsAdded':
          return { ...state, items: [...state.items, ...event.data.items] };
        case 'OrderItemRemoved':
          return { ...state, items: state.items.filter((item) => item.productId !== event.data.productId) };
        case 'OrderCompleted':
          return { ...state, status: 'COMPLETED' };
        case 'OrderDeleted':
          return { status: 'DELETED', items: [] };
      }
    },
  });
}

export const orderAggregate = defineOrderAggregate();

function itemOf(state: OrderState, productId: string): OrderItem | undefined {
  return state.items.find((item) => item.productId === productId);
}
