import type { DomainModule } from '../../app/domain-module.js';
import { admin } from '../../auth/admin-role.js';
import { owner, systemOnly } from '../../es/index.js';
import { withBlockedProducts } from './blocked-products-enrichment.js';
import { DEFAULT_ORDER_SNAPSHOT_EVERY, defineOrderAggregate } from './order-aggregate.js';
import { OrderNumberTaken } from './order-errors.js';
import { orderPersonalData } from './order-events.js';
import { ordersProjector } from './orders-projector.js';
import { type OrdersStreamLinkerOptions, ordersStreamLinker } from './orders-stream-linker.js';
import { productBlockAggregate } from './product-block-aggregate.js';
import { shipmentAggregate } from './shipment-aggregate.js';
import { shipmentPolicy } from './shipment-policy.js';
import { ordersMigrations } from './migrations/index.js';
// The slice's GraphQL types and fields, registered on the shared builder when the slice is listed.
import './graphql/index.js';

export const ORDER_NUMBER_SCOPE = 'order-number';

export interface OrdersModuleOptions {
  /** The order aggregate snapshots each time its stream crosses a multiple of this many events. */
  snapshotEvery?: number;
  linker?: OrdersStreamLinkerOptions;
}

/**
 * Orders, their shipments and the blocked-products list. Every command after an order's (or a
 * shipment's) first joins that stream's correlation, so an order's whole life, shipment included,
 * reads back as the one correlation of the request that created it.
 */
export function createOrdersModule({ snapshotEvery = DEFAULT_ORDER_SNAPSHOT_EVERY, linker }: OrdersModuleOptions = {}): DomainModule {
  return {
    name: 'orders',
    migrations: ordersMigrations,
    personalData: orderPersonalData,
    register({ router, runtimes }) {
      router.register(defineOrderAggregate({ snapshotEvery }), {
        CreateOrder: {
          identity: 'id',
          unique: (command) => [{ scope: ORDER_NUMBER_SCOPE, value: command.orderNumber, error: OrderNumberTaken }],
          // An order belongs to whoever created it.
          access: owner,
        },
        AddOrderItems: { identity: 'id', correlation: 'stream', access: owner },
        RemoveOrderItem: { identity: 'id', correlation: 'stream', access: owner },
        CompleteOrder: { identity: 'id', enrich: withBlockedProducts, correlation: 'stream', access: owner },
        DeleteOrder: { identity: 'id', correlation: 'stream', access: owner },
      });
      // Shipments are the warehouse's: created by the shipment policy, moved on by operators.
      router.register(shipmentAggregate, {
        CreateShipment: { identity: 'id', access: systemOnly },
        DispatchShipment: { identity: 'id', correlation: 'stream', access: admin },
        DeliverShipment: { identity: 'id', correlation: 'stream', access: admin },
      });
      router.register(productBlockAggregate, {
        BlockProduct: { identity: 'productId', access: admin },
        UnblockProduct: { identity: 'productId', access: admin },
      });
      runtimes.addProjector(ordersProjector).addEventHandler(shipmentPolicy).addEventHandler(ordersStreamLinker(linker));
    },
  };
}

export const ordersModule = createOrdersModule();
