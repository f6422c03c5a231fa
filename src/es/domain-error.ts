/**
 * A rule of the domain said no. Domain errors are values: aggregates return them, the router
 * throws them to the caller, and the GraphQL layer maps each class to a result type. Anything
 * that is not a DomainError is unexpected and stays masked.
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    // A refusal is an outcome, not a fault: where it was raised tells nobody anything, and
    // capturing and formatting that (with source maps, as `npm start` runs) cost more than the
    // rest of a refusal. So no frames are captured at all.
    const { stackTraceLimit } = Error;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    Object.defineProperty(this, 'stack', { value: `${code}: ${message}`, writable: true, configurable: true, enumerable: false });
  }
}

/**
 * A refusal's own data besides its code and message (the extra fields of its class, such as
 * `ValidationError.fields`), so a refusal stored and read back can carry it again; undefined when it has none.
 */
export function refusalDetails(error: DomainError): Record<string, unknown> | undefined {
  const { code: _code, name: _name, ...details } = { ...error } as Record<string, unknown>;
  return Object.keys(details).length > 0 ? (JSON.parse(JSON.stringify(details)) as Record<string, unknown>) : undefined;
}

export interface DomainErrorClass<Args extends unknown[] = [message?: string]> {
  new (...args: Args): DomainError;
  readonly code: string;
  /** What the refusal means, for readers of the API (the GraphQL type's description). */
  readonly description?: string;
}

/** Any domain error class, whatever its constructor takes. */
export type AnyDomainErrorClass = DomainErrorClass<any[]>;

/**
 * Declares a domain error once: its code, its default message, and what it means. Everything
 * else (the GraphQL result type and its name, the unions of the mutations that can meet it) is
 * derived from this: `export const AccountNotFound = domainError('ACCOUNT_NOT_FOUND', 'No account has this number')`.
 */
export function domainError(code: string, defaultMessage: string, description?: string): DomainErrorClass {
  return class extends DomainError {
    static readonly code = code;
    static readonly description = description;
    override readonly name = code;
    constructor(message: string = defaultMessage) {
      super(code, message);
    }
  };
}

export interface FieldError {
  path: string;
  message: string;
}

/** Bad input: every failing field at once, each with its path (`items.0.quantity`). */
export class ValidationError extends DomainError {
  static readonly code = 'VALIDATION_FAILED';
  static readonly description = 'The input was invalid; every failing field is listed.';
  override readonly name = 'ValidationError';
  constructor(readonly fields: FieldError[]) {
    super(ValidationError.code, `Invalid input: ${fields.map((field) => `${field.path || '(input)'}: ${field.message}`).join('; ')}`);
  }
}
