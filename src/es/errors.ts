import type { ExpectedVersion } from './expected-version.js';

/** An append found its stream at another version than it expected. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream "${streamId}" is at version ${actual}, expected ${String(expected)}`);
  }
}

/** Some, but not all, of an append's event ids are already stored: it is neither new nor a retry. */
export class DuplicateEventError extends Error {
  override readonly name = 'DuplicateEventError';
  constructor(readonly eventIds: string[]) {
    super(`Events ${eventIds.join(', ')} are already stored as part of another append`);
  }
}

/** An argument the store cannot accept (an empty stream id, a negative version, ...). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}
