import type { DomainEvent } from '../../es/index.js';

/**
 * What every calculator event records: the operand asked for, the amount actually applied and the
 * resulting value. For ADD and SUBTRACT `applied` is the amount added or taken away after clamping
 * to the range (so it can be less than `operand`); MULTIPLY and DIVIDE never clamp (they fail
 * instead), so there `applied` is the factor or divisor, equal to `operand`.
 */
export interface CalculationData {
  calculatorId: string;
  operand: number;
  applied: number;
  value: number;
}

export type CalculatorAdded = DomainEvent<'CalculatorAdded', CalculationData>;
export type CalculatorSubtracted = DomainEvent<'CalculatorSubtracted', CalculationData>;
export type CalculatorMultiplied = DomainEvent<'CalculatorMultiplied', CalculationData>;
export type CalculatorDivided = DomainEvent<'CalculatorDivided', CalculationData>;

export type CalculatorEvent = CalculatorAdded | CalculatorSubtracted | CalculatorMultiplied | CalculatorDivided;

export const CALCULATOR_EVENT_TYPES = [
  'CalculatorAdded',
  'CalculatorSubtracted',
  'CalculatorMultiplied',
  'CalculatorDivided',
] as const satisfies ReadonlyArray<CalculatorEvent['type']>;
