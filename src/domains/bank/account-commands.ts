import { z } from 'zod';
import { type CommandOf, defineCommands } from '../../es/index.js';
import { AccountClosed, AccountExists, AccountNotFound, BalanceLimitExceeded, BalanceNotZero, InsufficientFunds } from './bank-errors.js';

export const accountNumberSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,33}$/, 'must be 1 to 34 letters, digits or dashes, starting with a letter or digit');

/** Integer minor units (cents), strictly positive. */
export const amountSchema = z
  .number()
  .int('must be a whole number of minor units')
  .positive('must be greater than 0')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

const amountCommand = z.object({ accountNumber: accountNumberSchema, amount: amountSchema });
const transferLeg = { accountNumber: accountNumberSchema, amount: amountSchema, transferId: z.string() };
/** Money arriving can push the balance past the safe integers; money leaving cannot. */
const movingMoney = [AccountNotFound, AccountClosed, BalanceLimitExceeded] as const;

/** Commands to a bank account; amounts are integer minor units (cents). */
export const accountCommands = defineCommands({
  OpenAccount: {
    schema: z.object({
      accountNumber: accountNumberSchema,
      holder: z
        .string()
        .max(200, 'must be at most 200 characters')
        .refine((holder) => holder.trim().length > 0, 'must not be blank'),
    }),
    refusals: [AccountExists],
  },
  Deposit: { schema: amountCommand, refusals: movingMoney },
  Withdraw: { schema: amountCommand, refusals: [...movingMoney, InsufficientFunds] },
  ApplyFee: { schema: amountCommand, refusals: movingMoney },
  CloseAccount: { schema: z.object({ accountNumber: accountNumberSchema }), refusals: [AccountNotFound, AccountClosed, BalanceNotZero] },
  // Sent by the transfer process, never by a client.
  DebitForTransfer: { schema: z.object({ ...transferLeg, to: accountNumberSchema }), refusals: [...movingMoney, InsufficientFunds] },
  CreditForTransfer: { schema: z.object({ ...transferLeg, from: accountNumberSchema }), refusals: movingMoney },
  RefundTransfer: { schema: z.object({ ...transferLeg, reason: z.string() }), refusals: [AccountNotFound, BalanceLimitExceeded] },
});

export type AccountCommand = CommandOf<typeof accountCommands>;
