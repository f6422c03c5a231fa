import { z } from 'zod';

export const accountNumberSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,33}$/, 'must be 1 to 34 letters, digits or dashes, starting with a letter or digit');

/** Integer minor units (cents), strictly positive. */
export const amountSchema = z
  .number()
  .int('must be a whole number of minor units')
  .positive('must be greater than 0')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

export const openAccountSchema = z.object({
  accountNumber: accountNumberSchema,
  holder: z
    .string()
    .max(200, 'must be at most 200 characters')
    .refine((holder) => holder.trim().length > 0, 'must not be blank'),
});

export const amountCommandSchema = z.object({ accountNumber: accountNumberSchema, amount: amountSchema });

export const accountNumberOnlySchema = z.object({ accountNumber: accountNumberSchema });

export const requestTransferSchema = z
  .object({ from: accountNumberSchema, to: accountNumberSchema, amount: amountSchema })
  .refine((transfer) => transfer.from !== transfer.to, { message: 'must differ from the source account', path: ['to'] });
