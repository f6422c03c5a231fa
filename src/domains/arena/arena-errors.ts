import { domainError } from '../../es/index.js';

export const ArenaNotFound = domainError(
  'ARENA_NOT_FOUND',
  'No kill was ever recorded in this arena',
  'No kill was ever recorded in this arena.',
);
