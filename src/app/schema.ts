import { buildSchema } from '../graphql/schema.js';
import './domains.js';

/** The whole schema: the shared types and the GraphQL of every slice the app lists. */
export const schema = buildSchema();
