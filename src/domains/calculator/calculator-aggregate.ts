import { defineAggregate, ValidationError } from '../../es/index.js';
import { type CalculatorCommand, calculatorCommands } from './calculator-commands.js';
import { DivideByZero, MultiplyOverflow } from './calculator-errors.js';
import type { CalculationData, CalculatorEvent } from './calculator-events.js';

/** A calculator's value always stays within [CALCULATOR_MIN, CALCULATOR_MAX]. */
export const CALCULATOR_MIN = 0;
export const CALCULATOR_MAX = 10_000;

/**
 * Float precision: every value (and every applied amount) is rounded to CALCULATOR_DECIMALS
 * decimal places, so binary floating-point noise never reaches an event, the read model or a
 * range check: 0.1 + 0.2 is 0.3, not 0.30000000000000004, and 3333.3333333333 * 3 does not
 * overflow by a hair. Values up to 10 000 with 9 decimals are 14 significant digits, well inside
 * a double's 15, so every rounded value is the double nearest its decimal and round-trips through
 * the `numeric(14, 9)` column exactly. Digits beyond the ninth decimal are rounded away (a result
 * below 0.0000000005 reads as 0); repeated divisions are decimal, not exact rational arithmetic.
 */
export const CALCULATOR_DECIMALS = 9;
const SCALE = 10 ** CALCULATOR_DECIMALS;

/** Rounds to CALCULATOR_DECIMALS places (half away from zero for the non-negative values used here); never returns -0. */
export function roundCalculation(x: number): number {
  return Math.round(x * SCALE) / SCALE + 0;
}

export interface CalculatorState {
  value: number;
}

/**
 * A bounded calculator. A calculator that never received a command does not exist; its first
 * command starts from 0.
 *
 * - ADD clamps at CALCULATOR_MAX and SUBTRACT at CALCULATOR_MIN; the event records the amount
 *   actually applied (possibly 0, say when adding to a full calculator: the command still succeeds).
 * - MULTIPLY past CALCULATOR_MAX fails with MULTIPLY_OVERFLOW. DIVIDE by a number below 1 multiplies,
 *   so a DIVIDE past CALCULATOR_MAX fails with MULTIPLY_OVERFLOW too rather than clamping.
 * - DIVIDE by 0 fails with DIVIDE_BY_ZERO.
 * - Negative operands are refused (a ValidationError on `operand`), for every operation. The
 *   operation names the direction (SUBTRACT 5, not ADD -5), and MULTIPLY or DIVIDE by a negative
 *   would leave the range for every non-zero value; refusing is clearer than clamping to 0 or
 *   treating the operand's sign as a hidden second operation.
 * - Operands must be finite (NaN and ±Infinity are refused with a ValidationError on `operand`).
 *
 * The command's schema (calculator-commands.ts) checks the operand's shape first; the aggregate
 * repeats the rules so it is correct on its own. A refused command appends nothing.
 */
export const calculatorAggregate = defineAggregate<CalculatorState, CalculatorCommand, CalculatorEvent>({
  name: 'calculator',
  commands: calculatorCommands,
  ownership: { claimedBy: ['CalculatorAdded', 'CalculatorSubtracted', 'CalculatorMultiplied', 'CalculatorDivided'] },
  initialState: { value: CALCULATOR_MIN },
  snapshot: { every: 100, schemaVersion: 1 },

  execute(state, command) {
    const { calculatorId, operation, operand } = command;
    if (typeof operand !== 'number' || !Number.isFinite(operand)) {
      return new ValidationError([{ path: 'operand', message: 'must be a finite number' }]);
    }
    if (operand < 0) return new ValidationError([{ path: 'operand', message: 'must not be negative' }]);
    const current = state.value;
    const recorded = (applied: number, value: number): CalculationData => ({ calculatorId, operand, applied, value });

    switch (operation) {
      case 'ADD': {
        const value = Math.min(CALCULATOR_MAX, roundCalculation(current + operand));
        return { type: 'CalculatorAdded', data: recorded(roundCalculation(value - current), value) };
      }
      case 'SUBTRACT': {
        const value = Math.max(CALCULATOR_MIN, roundCalculation(current - operand));
        return { type: 'CalculatorSubtracted', data: recorded(roundCalculation(current - value), value) };
      }
      case 'MULTIPLY': {
        const value = roundCalculation(current * operand);
        if (value > CALCULATOR_MAX) {
          return new MultiplyOverflow(`Multiplying ${current} by ${operand} would give ${value}, above the maximum of ${CALCULATOR_MAX}`);
        }
        return { type: 'CalculatorMultiplied', data: recorded(operand, value) };
      }
      case 'DIVIDE': {
        if (operand === 0) return new DivideByZero(`Cannot divide ${current} by zero`);
        const value = roundCalculation(current / operand);
        if (value > CALCULATOR_MAX) {
          return new MultiplyOverflow(`Dividing ${current} by ${operand} would give ${value}, above the maximum of ${CALCULATOR_MAX}`);
        }
        return { type: 'CalculatorDivided', data: recorded(operand, value) };
      }
      default: {
        const unknown: never = operation;
        return new ValidationError([{ path: 'operation', message: `unknown operation ${String(unknown)}` }]);
      }
    }
  },

  apply(_state, event) {
    return { value: event.data.value };
  },
});
