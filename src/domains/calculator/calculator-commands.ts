import { z } from 'zod';
import { type CommandOf, defineCommands, ValidationError } from '../../es/index.js';
import { DivideByZero, MultiplyOverflow } from './calculator-errors.js';

export const CALCULATOR_OPERATIONS = ['ADD', 'SUBTRACT', 'MULTIPLY', 'DIVIDE'] as const;
export type CalculatorOperation = (typeof CALCULATOR_OPERATIONS)[number];

const CALCULATOR_ID_MAX_LENGTH = 100;

/**
 * The calculator's one command. Operands are finite and never negative: the operation names the
 * direction, so a negative operand is refused rather than guessed at (calculator-aggregate.ts
 * enforces the same rule, and refuses with a ValidationError on its own).
 */
export const calculatorCommands = defineCommands({
  /** Applies one operation to a calculator's value. A calculator comes into being (at 0) with its first command. */
  Calculate: {
    schema: z.object({
      calculatorId: z
        .string()
        .min(1, { error: 'must not be empty', abort: true })
        .max(CALCULATOR_ID_MAX_LENGTH, { error: `must be at most ${CALCULATOR_ID_MAX_LENGTH} characters` })
        .refine((id) => id.trim().length > 0, { error: 'must not be blank', abort: true })
        .refine((id) => id.trim() === id, { error: 'must not start or end with whitespace' }),
      operation: z.enum(CALCULATOR_OPERATIONS),
      operand: z.number({ error: 'must be a finite number' }).min(0, { error: 'must not be negative' }),
    }),
    refusals: [MultiplyOverflow, DivideByZero, ValidationError],
  },
});

export type CalculatorCommand = CommandOf<typeof calculatorCommands>;
