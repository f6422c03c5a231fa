import { authenticated } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { blockedProductIds } from './orders-reads.js';

builder.queryField('blockedProducts', (t) =>
  t.field({
    access: authenticated,
    type: ['ID'],
    description: 'Products no order can be completed with, most recently blocked last.',
    resolve: (_root, _args, ctx) => blockedProductIds(ctx),
  }),
);
