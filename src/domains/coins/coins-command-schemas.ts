import { z } from 'zod';

export const coinAccountIdSchema = z
  .string()
  .max(100, 'must be at most 100 characters')
  .refine((accountId) => accountId.trim().length > 0, 'must not be blank');

/** Whole coins, strictly positive. */
export const coinAmountSchema = z
  .number()
  .int('must be a whole number of coins')
  .positive('must be greater than 0')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

export const mineCoinSchema = z.object({
  accountId: coinAccountIdSchema,
  nonce: z.number().int('must be a whole number').nonnegative('must be 0 or more').max(Number.MAX_SAFE_INTEGER, 'is too large'),
});

export const sendCoinsSchema = z
  .object({ from: coinAccountIdSchema, to: coinAccountIdSchema, amount: coinAmountSchema, transferId: z.string().min(1) })
  .refine((send) => send.from !== send.to, { message: 'must differ from the sending account', path: ['to'] });
