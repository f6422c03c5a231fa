/** A command type nobody registered: a programming error, never a user's. */
export class UnregisteredCommandError extends Error {
  override readonly name = 'UnregisteredCommandError';
  constructor(readonly commandType: string) {
    super(`No aggregate is registered for command "${commandType}"`);
  }
}

/**
 * Another process kept changing the aggregate while this command retried: nothing was appended
 * and the command can be sent again.
 */
export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
  readonly code = 'CONCURRENCY_CONFLICT';
  readonly retryable = true;
  constructor(
    readonly streamId: string,
    attempts: number,
  ) {
    super(`"${streamId}" changed concurrently ${attempts} times in a row; nothing was appended, try again`);
  }
}
