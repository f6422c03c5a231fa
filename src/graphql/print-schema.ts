import { printSchema } from 'graphql';
import { schema } from './schema.js';

/** The SDL contract as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}
