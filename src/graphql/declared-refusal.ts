import { DomainError, refusalDetails } from '../es/index.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * A refusal as one of a field's declared error classes. A refusal read back from the store (a
 * command sent again with its id) is a plain `DomainError` with the recorded code, message and
 * details; the errors plugin maps classes to result types, so it is given back the class of its
 * code among `declared`, with its details, and answers as the same typed error as the first time.
 * Anything else is returned as it is.
 */
export function asDeclaredRefusal(error: unknown, declared: readonly ErrorClass[]): unknown {
  if (!(error instanceof DomainError) || declared.some((type) => error instanceof type)) return error;
  const type = declared.find((candidate) => (candidate as { code?: unknown }).code === error.code);
  if (!type) return error;
  const typed = Reflect.construct(DomainError, [error.code, error.message], type) as DomainError;
  return Object.assign(typed, refusalDetails(error));
}
