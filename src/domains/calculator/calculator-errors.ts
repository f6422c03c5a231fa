import { domainError } from '../../es/index.js';

/** The result of a MULTIPLY (or of a DIVIDE by a fraction, which multiplies) would pass the maximum value. */
export const MultiplyOverflow = domainError(
  'MULTIPLY_OVERFLOW',
  'The result would exceed the maximum value',
  'The result would exceed the maximum value 10000 (MULTIPLY, or DIVIDE by a number below 1); nothing was changed.',
);

export const DivideByZero = domainError('DIVIDE_BY_ZERO', 'Cannot divide by zero', 'DIVIDE by 0; nothing was changed.');
