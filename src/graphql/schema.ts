import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './types/scalars.js';
import './types/errors.js';
import './types/auth-errors.js';
import './types/event-browser.js';
import './types/projections.js';
import '../domains/graphql-types.js';

/** The whole schema: shared types, then every domain's types (imported for their side effects on the builder). */
export const schema = lexicographicSortSchema(builder.toSchema());
