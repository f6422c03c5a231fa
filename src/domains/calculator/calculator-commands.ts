import { z } from 'zod';
import type { Command } from '../../es/index.js';

export const CALCULATOR_OPERATIONS = ['ADD', 'SUBTRACT', 'MULTIPLY', 'DIVIDE'] as const;
export type CalculatorOperation = (typeof CALCULATOR_OPERATIONS)[number];

/** Applies one operation to a calculator's value. A calculator comes into being (at 0) with its first command. */
export interface Calculate extends Command<'Calculate'> {
  calculatorId: string;
  operation: CalculatorOperation;
  operand: number;
}

export type CalculatorCommand = Calculate;

export const CALCULATOR_ID_MAX_LENGTH = 100;

/**
 * The shape of a valid `Calculate`, checked by the validation middleware before the aggregate runs.
 * Operands are finite and never negative: the operation names the direction, so a negative operand
 * is refused rather than guessed at (see calculator-aggregate.ts, which enforces the same rule).
 */
export const calculateSchema = z.object({
  calculatorId: z
    .string()
    .min(1, { error: 'must not be empty', abort: true })
    .max(CALCULATOR_ID_MAX_LENGTH, { error: `must be at most ${CALCULATOR_ID_MAX_LENGTH} characters` })
    .refine((id) => id.trim().length > 0, { error: 'must not be blank', abort: true })
    .refine((id) => id.trim() === id, { error: 'must not start or end with whitespace' }),
  operation: z.enum(CALCULATOR_OPERATIONS),
  operand: z.number({ error: 'must be a finite number' }).min(0, { error: 'must not be negative' }),
});
