import { domainError } from '../domain-error.js';

/** No valid identity: the operation needs a signed-in actor. */
export const Unauthenticated = domainError(
  'UNAUTHENTICATED',
  'This operation needs a valid bearer token',
  'The operation needs a valid bearer token; nothing was changed.',
);

/** A signed-in actor that the access rules do not allow to do this. */
export const Forbidden = domainError(
  'FORBIDDEN',
  'You are not allowed to do this',
  'The access rules do not allow this actor to do this; nothing was changed.',
);
