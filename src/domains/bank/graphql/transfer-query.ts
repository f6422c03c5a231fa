import { authenticated } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { findTransfer } from './bank-reads.js';
import { TransferType } from './transfer-type.js';

builder.queryField('transfer', (t) =>
  t.field({
    // Who may see it is the Transfer type's rule: the owners of its two accounts.
    access: authenticated,
    type: TransferType,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => findTransfer(ctx, String(id)),
  }),
);
