import { z } from 'zod';
import { type CommandOf, defineCommands } from '../../es/index.js';
import { InvalidNonce, NonceAlreadyUsed, NotEnoughCoins } from './coins-errors.js';

const coinAccountIdSchema = z
  .string()
  .max(100, 'must be at most 100 characters')
  .refine((accountId) => accountId.trim().length > 0, 'must not be blank');

/** Whole coins, strictly positive. */
const coinAmountSchema = z
  .number()
  .int('must be a whole number of coins')
  .positive('must be greater than 0')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

/** Commands to a coin account; amounts are whole coins. */
export const coinAccountCommands = defineCommands({
  MineCoin: {
    schema: z.object({
      accountId: coinAccountIdSchema,
      nonce: z.number().int('must be a whole number').nonnegative('must be 0 or more').max(Number.MAX_SAFE_INTEGER, 'is too large'),
    }),
    refusals: [NonceAlreadyUsed, InvalidNonce],
  },
  SendCoins: {
    schema: z
      .object({ from: coinAccountIdSchema, to: coinAccountIdSchema, amount: coinAmountSchema, transferId: z.string().min(1) })
      .refine((send) => send.from !== send.to, { message: 'must differ from the sending account', path: ['to'] }),
    refusals: [NotEnoughCoins],
  },
  // Sent by the coin transfer process only, for a `CoinsSent` of another account; never refused.
  ReceiveCoins: {
    schema: z.object({
      accountId: coinAccountIdSchema,
      from: coinAccountIdSchema,
      amount: coinAmountSchema,
      transferId: z.string().min(1),
    }),
    refusals: [],
  },
});

export type CoinAccountCommand = CommandOf<typeof coinAccountCommands>;
