/**
 * bigint columns (positions, versions) come back as numbers on both dialects.
 * Positions stay far below 2^53; a value beyond that fails loudly rather than losing precision.
 */
export function parseBigint(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`bigint ${value} exceeds the safe integer range`);
  return parsed;
}
