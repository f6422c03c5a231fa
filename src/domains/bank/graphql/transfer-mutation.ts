import { commandMutation } from '../../../graphql/command-mutation.js';
import { createdId } from '../../../graphql/dispatch.js';
import { transferAggregate } from '../transfer-aggregate.js';
import { TRANSFERS_PROJECTION } from '../transfers-projector.js';
import { findTransfer } from './bank-reads.js';
import { TransferType } from './transfer-type.js';
import { readBack } from '../../../graphql/read-back.js';

commandMutation('transfer', {
  aggregate: transferAggregate,
  command: 'RequestTransfer',
  description:
    'Starts a transfer and answers with it PENDING. The transfer process debits the source, credits the destination ' +
    'and completes; if the credit is refused the source is refunded and the transfer FAILS with the reason. ' +
    'Follow it with `transfer(id)` or `balanceUpdated`.',
  arguments: {
    input: (t) => ({
      from: t.string({ required: true }),
      to: t.string({ required: true }),
      amount: t.field({ type: 'SafeInt', required: true, description: 'Integer minor units (cents), greater than 0.' }),
    }),
  },
  toCommand: (input, ctx) => ({ transferId: createdId(ctx, 'transferId'), ...input }),
  type: TransferType,
  waitFor: [TRANSFERS_PROJECTION],
  result: async (ctx, { transferId }) => readBack(await findTransfer(ctx, transferId), `Transfer ${transferId}`),
});
