import { DomainError, type DomainErrorClass, ValidationError } from '../../es/index.js';
import { builder } from '../builder.js';

/** Every error result implements this, so a client can always ask `... on Error { code message }`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'A domain rule refused the operation; nothing was changed.',
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.exposeString('message'),
  }),
});

const FieldErrorType = builder.objectRef<{ path: string; message: string }>('FieldError').implement({
  description: 'One invalid input field; `path` is dotted from the input root, e.g. `items.0.quantity`.',
  fields: (t) => ({
    path: t.exposeString('path'),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  description: 'The input was invalid; every failing field is listed.',
  fields: (t) => ({
    fields: t.field({ type: [FieldErrorType], resolve: (error) => error.fields }),
  }),
});

/** Exposes a domain error class as a result type `name` implementing `Error`. */
export function errorType(errorClass: DomainErrorClass, name: string, description?: string) {
  return builder.objectType(errorClass, {
    name,
    interfaces: [ErrorInterface],
    description: description ?? `Refused with code ${errorClass.code}.`,
    isTypeOf: (value) => value instanceof errorClass,
  });
}
