import { builder } from '../../../graphql/builder.js';

export interface ProductBlock {
  productId: string;
  blockedAt: Date | null;
}

export const ProductBlockType = builder.objectRef<ProductBlock>('ProductBlock').implement({
  description: 'Whether a product is blocked: no order with a blocked product can be completed.',
  fields: (t) => ({
    productId: t.exposeID('productId'),
    blocked: t.boolean({ resolve: (block) => block.blockedAt !== null }),
    blockedAt: t.field({ type: 'DateTime', nullable: true, resolve: (block) => block.blockedAt }),
  }),
});
