import { builder } from '../../../graphql/builder.js';
import { createdId, dispatch } from '../../../graphql/dispatch.js';
import type { TransferCommand } from '../transfer-commands.js';
import { TRANSFERS_PROJECTION } from '../transfers-projector.js';
import { findTransfer, TransferType } from './transfer-type.js';
import { byCommand } from '../../../graphql/field-access.js';
import { authenticated } from '../../../es/index.js';
import { readBack } from '../../../graphql/read-back.js';

const TransferInput = builder.inputType('TransferInput', {
  fields: (t) => ({
    from: t.string({ required: true }),
    to: t.string({ required: true }),
    amount: t.field({ type: 'SafeInt', required: true, description: 'Integer minor units (cents), greater than 0.' }),
  }),
});

builder.mutationField('transfer', (t) =>
  t.field({
    access: byCommand('RequestTransfer'),
    type: TransferType,
    description:
      'Starts a transfer and answers with it PENDING. The transfer process debits the source, credits the destination ' +
      'and completes; if the credit is refused the source is refunded and the transfer FAILS with the reason. ' +
      'Follow it with `transfer(id)` or `balanceUpdated`.',
    errors: { types: [] },
    args: { input: t.arg({ type: TransferInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const transferId = createdId(ctx, 'transferId');
      const command: TransferCommand = { type: 'RequestTransfer', transferId, ...input };
      await dispatch(ctx, command, { consistency: 'strong', projections: [TRANSFERS_PROJECTION] });
      return readBack(await findTransfer(ctx, transferId), `Transfer ${transferId}`);
    },
  }),
);

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
