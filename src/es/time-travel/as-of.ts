/** A point in a stream's past: after its `version`th event, or as it was at a time (its events' `occurred_at`). */
export type AsOf = { version: number } | { at: Date };

/** An `AsOf` the engine cannot answer: a negative or fractional version, an invalid date. */
export class InvalidAsOfError extends Error {
  override readonly name = 'InvalidAsOfError';
}

/** A load as of a version the stream has not reached. */
export class VersionBeyondHeadError extends Error {
  override readonly name = 'VersionBeyondHeadError';
  constructor(
    readonly streamId: string,
    readonly version: number,
    readonly head: number,
  ) {
    super(`Stream "${streamId}" is at version ${head}; version ${version} is beyond its head`);
  }
}

export function assertAsOf(asOf: AsOf): AsOf {
  if ('version' in asOf) {
    if (!Number.isSafeInteger(asOf.version) || asOf.version < 0) {
      throw new InvalidAsOfError(`A version must be a non-negative integer, got ${asOf.version}`);
    }
  } else if (!(asOf.at instanceof Date) || Number.isNaN(asOf.at.getTime())) {
    throw new InvalidAsOfError('A time must be a valid date');
  }
  return asOf;
}
