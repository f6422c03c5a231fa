import { defineEventHandler, type ErrorPolicy, type EventHandler, type ReactionContext, type RecordedEvent } from '../../es/index.js';
import { type OrderEvent, orderEventTypes } from './order-events.js';

export const ORDERS_STREAM = 'orders';
export const ORDERS_STREAM_LINKER = 'orders-stream-linker';

export interface OrdersStreamLinkerOptions {
  errorPolicy?: Partial<ErrorPolicy>;
  /** Runs before each link; a test injects faults here (it throws, the link does not happen). */
  beforeLink?: (event: RecordedEvent) => Promise<void> | void;
}

/**
 * Links every order event into the category stream `orders`, in log order, so one stream reads
 * every order's history. Linking is idempotent, so redelivery is harmless. Under the default
 * error policy an event that keeps failing is dead-lettered after three retries and the linker
 * goes on; a retried dead letter is linked then, after the events that passed it.
 */
export function ordersStreamLinker({ errorPolicy, beforeLink }: OrdersStreamLinkerOptions = {}): EventHandler<OrderEvent> {
  const link = async (event: RecordedEvent, context: ReactionContext) => {
    await beforeLink?.(event);
    await context.link(ORDERS_STREAM);
  };
  return defineEventHandler<OrderEvent>({
    name: ORDERS_STREAM_LINKER,
    ...(errorPolicy ? { errorPolicy } : {}),
    handlers: Object.fromEntries(orderEventTypes.map((type) => [type, link])),
  });
}
