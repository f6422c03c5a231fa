import { commandMutation } from '../../../graphql/command-mutation.js';
import { ORDERS_PROJECTION } from '../orders-projector.js';
import { productBlockAggregate } from '../product-block-aggregate.js';
import { normalizeId } from './normalize-id.js';
import { productBlockedAt } from './orders-reads.js';
import { ProductBlockType } from './product-block-type.js';

// A repeat changes nothing; both answer with the product's block as projected.

commandMutation('blockProduct', {
  aggregate: productBlockAggregate,
  command: 'BlockProduct',
  description: 'Blocks a product: orders with it cannot be completed until it is unblocked. Blocking it again changes nothing.',
  arguments: { args: (t) => ({ productId: t.id({ required: true }) }) },
  toCommand: ({ productId }) => ({ productId: normalizeId(productId) }),
  type: ProductBlockType,
  waitFor: [ORDERS_PROJECTION],
  result: async (ctx, { productId }) => ({ productId, blockedAt: await productBlockedAt(ctx, productId) }),
});

commandMutation('unblockProduct', {
  aggregate: productBlockAggregate,
  command: 'UnblockProduct',
  description: 'Unblocks a product. Unblocking a product that is not blocked changes nothing.',
  arguments: { args: (t) => ({ productId: t.id({ required: true }) }) },
  toCommand: ({ productId }) => ({ productId: normalizeId(productId) }),
  type: ProductBlockType,
  waitFor: [ORDERS_PROJECTION],
  result: async (ctx, { productId }) => ({ productId, blockedAt: await productBlockedAt(ctx, productId) }),
});
