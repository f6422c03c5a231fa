import { z } from 'zod';
import { type CommandOf, defineCommands } from '../../es/index.js';
import { accountNumberSchema, amountSchema } from './account-commands.js';
import { TransferExists, TransferNotFound, TransferNotPending } from './transfer-errors.js';

/** A transfer is requested by a client; the transfer process completes or fails it. */
export const transferCommands = defineCommands({
  RequestTransfer: {
    schema: z
      .object({ transferId: z.string(), from: accountNumberSchema, to: accountNumberSchema, amount: amountSchema })
      .refine((transfer) => transfer.from !== transfer.to, { message: 'must differ from the source account', path: ['to'] }),
    refusals: [TransferExists],
  },
  CompleteTransfer: { schema: z.object({ transferId: z.string() }), refusals: [TransferNotFound, TransferNotPending] },
  FailTransfer: { schema: z.object({ transferId: z.string(), reason: z.string() }), refusals: [TransferNotFound, TransferNotPending] },
});

export type TransferCommand = CommandOf<typeof transferCommands>;
