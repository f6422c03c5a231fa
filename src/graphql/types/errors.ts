import type { ObjectFieldsShape, ObjectRef } from '@pothos/core';
import { type AnyDomainErrorClass, type DomainError, ValidationError } from '../../es/index.js';
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

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

const errorTypes = new Map<AnyDomainErrorClass, ObjectRef<any, DomainError>>();

/** `ACCOUNT_NOT_FOUND` → `AccountNotFoundError`: a refusal's GraphQL name comes from its code. */
export function errorTypeName(errorClass: AnyDomainErrorClass): string {
  const words = errorClass.code.toLowerCase().split('_');
  return `${words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}Error`;
}

/**
 * The result type of a domain error, implementing `Error`, made once from its declaration: the
 * name from its code, the description from what it means. An error that carries data (fields
 * beyond code and message) passes them here, once, beside its declaration.
 */
export function errorType<Refusal extends DomainError>(
  errorClass: AnyDomainErrorClass & (new (...args: any[]) => Refusal),
  options: { fields?: ObjectFieldsShape<BuilderTypes, Refusal>; name?: string } = {},
): ObjectRef<any, DomainError> {
  const known = errorTypes.get(errorClass);
  if (known && options.fields) throw new Error(`${errorClass.code}: its fields must be given before any field uses the error`);
  if (known) return known;
  const ref = builder.objectType(errorClass as new (...args: any[]) => DomainError, {
    name: options.name ?? errorTypeName(errorClass),
    interfaces: [ErrorInterface],
    description: errorClass.description ?? `Refused with code ${errorClass.code}.`,
    isTypeOf: (value) => value instanceof errorClass,
    ...(options.fields ? { fields: options.fields as ObjectFieldsShape<BuilderTypes, DomainError> } : {}),
  }) as unknown as ObjectRef<any, DomainError>;
  errorTypes.set(errorClass, ref);
  return ref;
}

errorType(ValidationError, {
  // Older than the naming rule; clients know it by this name.
  name: 'ValidationError',
  fields: (t) => ({
    fields: t.field({ type: [FieldErrorType], resolve: (error) => error.fields }),
  }),
});
