import { domainError } from '../../es/domain-error.js';

export const ArenaNotFound = domainError('ARENA_NOT_FOUND', 'No kill was ever recorded in this arena');
