import { z } from 'zod';
import { type CommandOf, defineCommands } from '../../es/index.js';
import { uuidSchema } from './orders-values.js';

const productCommand = z.object({ productId: uuidSchema });

/** Blocking and unblocking are never refused: a repeat changes nothing. */
export const productBlockCommands = defineCommands({
  BlockProduct: { schema: productCommand, refusals: [] },
  UnblockProduct: { schema: productCommand, refusals: [] },
});

export type ProductBlockCommand = CommandOf<typeof productBlockCommands>;
