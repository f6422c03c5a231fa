import { type GraphQLSchema, printSchema } from 'graphql';

/** The SDL contract as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printedSchema(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
