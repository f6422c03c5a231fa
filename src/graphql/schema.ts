import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './types/scalars.js';
import './types/errors.js';
import './types/auth-errors.js';
import './types/event-browser.js';
import './types/stream-state-at.js';
import './types/projections.js';
import './types/viewer.js';
import './types/personal-data-erasure.js';

/** The schema of the shared types and of every slice imported before it is built (see app/schema.ts). */
export function buildSchema() {
  return lexicographicSortSchema(builder.toSchema());
}
