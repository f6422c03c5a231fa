import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../../../src/es/domain-error.js';
import { aggregateSpec } from '../../../src/es/testing/aggregate-spec.js';
import { calculatorAggregate, roundCalculation } from '../../../src/domains/calculator/calculator-aggregate.js';
import type { CalculatorCommand, CalculatorOperation } from '../../../src/domains/calculator/calculator-commands.js';
import type { CalculationData, CalculatorEvent } from '../../../src/domains/calculator/calculator-events.js';

const spec = aggregateSpec(calculatorAggregate);
const id = 'calc-1';

const calculate = (operation: CalculatorOperation, operand: number): CalculatorCommand => ({
  type: 'Calculate',
  calculatorId: id,
  operation,
  operand,
});
const data = (operand: number, applied: number, value: number): CalculationData => ({ calculatorId: id, operand, applied, value });
const added = (operand: number, applied: number, value: number): CalculatorEvent => ({
  type: 'CalculatorAdded',
  data: data(operand, applied, value),
});
const subtracted = (operand: number, applied: number, value: number): CalculatorEvent => ({
  type: 'CalculatorSubtracted',
  data: data(operand, applied, value),
});
const multiplied = (operand: number, value: number): CalculatorEvent => ({
  type: 'CalculatorMultiplied',
  data: data(operand, operand, value),
});
const divided = (operand: number, value: number): CalculatorEvent => ({
  type: 'CalculatorDivided',
  data: data(operand, operand, value),
});
/** A history that leaves the calculator at `value`. */
const at = (value: number): CalculatorEvent => added(value, value, value);

describe('calculator aggregate', () => {
  describe('ADD', () => {
    it('adds to a new calculator, which starts at 0', () => {
      spec
        .given()
        .when(calculate('ADD', 5))
        .then(added(5, 5, 5));
    });

    it('adds to the current value', () => {
      spec
        .given(at(40))
        .when(calculate('ADD', 2.5))
        .then(added(2.5, 2.5, 42.5));
    });

    it('clamps at 10000 and records the amount actually applied', () => {
      spec
        .given(at(9_990))
        .when(calculate('ADD', 25))
        .then(added(25, 10, 10_000));
    });

    it('reaches exactly 10000 without clamping', () => {
      spec
        .given(at(9_990))
        .when(calculate('ADD', 10))
        .then(added(10, 10, 10_000));
    });

    it('still succeeds on a full calculator, applying 0', () => {
      spec
        .given(at(10_000))
        .when(calculate('ADD', 1))
        .then(added(1, 0, 10_000));
    });

    it('clamps a huge operand', () => {
      spec
        .given(at(1))
        .when(calculate('ADD', Number.MAX_VALUE))
        .then(added(Number.MAX_VALUE, 9_999, 10_000));
    });

    it('adds 0', () => {
      spec
        .given(at(7))
        .when(calculate('ADD', 0))
        .then(added(0, 0, 7));
    });
  });

  describe('SUBTRACT', () => {
    it('subtracts from the current value', () => {
      spec
        .given(at(10))
        .when(calculate('SUBTRACT', 3))
        .then(subtracted(3, 3, 7));
    });

    it('clamps at 0 and records the amount actually applied', () => {
      spec
        .given(at(10))
        .when(calculate('SUBTRACT', 25))
        .then(subtracted(25, 10, 0));
    });

    it('on a new calculator applies 0 and stays at 0', () => {
      spec
        .given()
        .when(calculate('SUBTRACT', 4))
        .then(subtracted(4, 0, 0));
    });

    it('clamps a huge operand', () => {
      spec
        .given(at(3))
        .when(calculate('SUBTRACT', Number.MAX_VALUE))
        .then(subtracted(Number.MAX_VALUE, 3, 0));
    });
  });

  describe('MULTIPLY', () => {
    it('multiplies the current value', () => {
      spec.given(at(12)).when(calculate('MULTIPLY', 2.5)).then(multiplied(2.5, 30));
    });

    it('reaches exactly 10000', () => {
      spec.given(at(2_500)).when(calculate('MULTIPLY', 4)).then(multiplied(4, 10_000));
    });

    it('fails with MULTIPLY_OVERFLOW past 10000', () => {
      const error = spec.given(at(5_000)).when(calculate('MULTIPLY', 2.0001)).thenError('MULTIPLY_OVERFLOW');
      expect(error.message).toContain('10000');
    });

    it('fails with MULTIPLY_OVERFLOW when the product is beyond any double', () => {
      spec.given(at(10)).when(calculate('MULTIPLY', Number.MAX_VALUE)).thenError('MULTIPLY_OVERFLOW');
    });

    it('keeps 0 at 0 whatever the factor', () => {
      spec.given().when(calculate('MULTIPLY', 1e300)).then(multiplied(1e300, 0));
    });

    it('by 0 gives 0', () => {
      spec.given(at(9_000)).when(calculate('MULTIPLY', 0)).then(multiplied(0, 0));
    });
  });

  describe('DIVIDE', () => {
    it('divides the current value', () => {
      spec.given(at(30)).when(calculate('DIVIDE', 4)).then(divided(4, 7.5));
    });

    it('fails with DIVIDE_BY_ZERO', () => {
      spec.given(at(30)).when(calculate('DIVIDE', 0)).thenError('DIVIDE_BY_ZERO');
    });

    it('fails with DIVIDE_BY_ZERO on -0 too', () => {
      spec.given(at(30)).when(calculate('DIVIDE', -0)).thenError('DIVIDE_BY_ZERO');
    });

    it('fails with DIVIDE_BY_ZERO even when the value is 0', () => {
      spec.given().when(calculate('DIVIDE', 0)).thenError('DIVIDE_BY_ZERO');
    });

    it('by a fraction multiplies, and past 10000 fails with MULTIPLY_OVERFLOW', () => {
      spec.given(at(5_000)).when(calculate('DIVIDE', 0.25)).thenError('MULTIPLY_OVERFLOW');
    });

    it('by a fraction within the range succeeds', () => {
      spec.given(at(2_000)).when(calculate('DIVIDE', 0.25)).then(divided(0.25, 8_000));
    });
  });

  describe('operands', () => {
    // Negative operands are refused for every operation: the operation names the direction.
    it.each(['ADD', 'SUBTRACT', 'MULTIPLY', 'DIVIDE'] as const)('refuses a negative operand for %s', (operation) => {
      const error = spec.given(at(100)).when(calculate(operation, -2)).thenError('VALIDATION_FAILED');
      expect((error as ValidationError).fields).toEqual([{ path: 'operand', message: 'must not be negative' }]);
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses the non-finite operand %s', (operand) => {
      const error = spec.given(at(100)).when(calculate('ADD', operand)).thenError('VALIDATION_FAILED');
      expect((error as ValidationError).fields).toEqual([{ path: 'operand', message: 'must be a finite number' }]);
    });
  });

  describe('float precision: values are rounded to 9 decimal places', () => {
    it('0.1 + 0.2 is 0.3', () => {
      spec
        .given(added(0.1, 0.1, 0.1))
        .when(calculate('ADD', 0.2))
        .then(added(0.2, 0.2, 0.3));
    });

    it('0.3 - 0.1 is 0.2, and the applied amount is exact too', () => {
      spec
        .given(added(0.3, 0.3, 0.3))
        .when(calculate('SUBTRACT', 0.1))
        .then(subtracted(0.1, 0.1, 0.2));
    });

    it('1.1 * 3 is 3.3', () => {
      spec
        .given(added(1.1, 1.1, 1.1))
        .when(calculate('MULTIPLY', 3))
        .then(multiplied(3, 3.3));
    });

    it('10 / 3 keeps 9 decimals, and times 3 stays inside the range', () => {
      spec.given(at(10)).when(calculate('DIVIDE', 3)).then(divided(3, 3.333333333));
      spec.given(at(3_333.333333333)).when(calculate('MULTIPLY', 3)).then(multiplied(3, 9_999.999999999));
    });

    it('binary noise never reaches the recorded value', () => {
      expect(0.7 * 3).toBe(2.0999999999999996);
      spec.given(at(0.7)).when(calculate('MULTIPLY', 3)).then(multiplied(3, 2.1));
    });

    it('the range check sees the rounded value: past 10000 only beyond the 9th decimal is 10000', () => {
      expect(10_000 * 1.00000000000001).toBeGreaterThan(10_000);
      spec.given(at(10_000)).when(calculate('MULTIPLY', 1.00000000000001)).then(multiplied(1.00000000000001, 10_000));
      spec.given(at(10_000)).when(calculate('MULTIPLY', 1.0000000000001)).thenError('MULTIPLY_OVERFLOW');
    });

    it('an amount below half the last decimal rounds away', () => {
      spec
        .given(at(1))
        .when(calculate('ADD', 4e-10))
        .then(added(4e-10, 0, 1));
      spec.given(at(1)).when(calculate('DIVIDE', 1e10)).then(divided(1e10, 0));
    });

    it('never produces -0', () => {
      expect(Object.is(roundCalculation(-0), 0)).toBe(true);
      expect(Object.is(roundCalculation(-1e-12), 0)).toBe(true);
    });
  });

  describe('apply', () => {
    it('takes the value each event records', () => {
      spec.given(at(10), subtracted(25, 10, 0), added(3, 3, 3), multiplied(2, 6), divided(4, 1.5)).thenState({ value: 1.5 });
    });

    it('starts at 0', () => {
      spec.given().thenState({ value: 0 });
    });
  });
});
