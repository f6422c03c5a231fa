import { tables } from '../../../db/database.js';
import { builder } from '../../../graphql/builder.js';
import { dispatch } from '../../../graphql/dispatch.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { ORDERS_PROJECTION } from '../orders-projector.js';
import type { OrdersTables } from '../orders-tables.js';
import type { ProductBlockCommand } from '../product-block-commands.js';
import { normalizeId } from './normalize-id.js';
import { byCommand } from '../../../graphql/field-access.js';

interface ProductBlock {
  productId: string;
  blockedAt: Date | null;
}

const ProductBlockType = builder.objectRef<ProductBlock>('ProductBlock').implement({
  description: 'Whether a product is blocked: no order with a blocked product can be completed.',
  fields: (t) => ({
    productId: t.exposeID('productId'),
    blocked: t.boolean({ resolve: (block) => block.blockedAt !== null }),
    blockedAt: t.field({ type: 'DateTime', nullable: true, resolve: (block) => block.blockedAt }),
  }),
});

/** Sends the command (a repeat changes nothing) and answers with the product's block as projected. */
async function execute(ctx: GraphQLContext, command: ProductBlockCommand): Promise<ProductBlock> {
  await dispatch(ctx, command, { consistency: 'strong', projections: [ORDERS_PROJECTION] });
  const row = await tables<OrdersTables>(ctx.app.database)
    .selectFrom('blocked_products')
    .select('blocked_at')
    .where('product_id', '=', command.productId)
    .executeTakeFirst();
  return { productId: command.productId, blockedAt: row?.blocked_at ?? null };
}

builder.mutationFields((t) => ({
  blockProduct: t.field({
    access: byCommand('BlockProduct'),
    type: ProductBlockType,
    description: 'Blocks a product: orders with it cannot be completed until it is unblocked. Blocking it again changes nothing.',
    errors: { types: [] },
    args: { productId: t.arg.id({ required: true }) },
    resolve: (_root, { productId }, ctx) => execute(ctx, { type: 'BlockProduct', productId: normalizeId(productId) }),
  }),
  unblockProduct: t.field({
    access: byCommand('UnblockProduct'),
    type: ProductBlockType,
    description: 'Unblocks a product. Unblocking a product that is not blocked changes nothing.',
    errors: { types: [] },
    args: { productId: t.arg.id({ required: true }) },
    resolve: (_root, { productId }, ctx) => execute(ctx, { type: 'UnblockProduct', productId: normalizeId(productId) }),
  }),
}));
