/**
 * A statement the engine runs very often (the one-statement append) names itself in a leading
 * comment, `/* prepared: <name> *\/`, so a driver that can runs it as a named prepared statement,
 * parsed and planned once per connection (src/db/prepared-statements.ts does, for node-pg); any
 * other driver just runs the comment. Only for statements whose text never changes (node-pg
 * refuses a name bound to another text).
 */
export function preparedAs(name: string): string {
  return `/* prepared: ${name} */`;
}

const MARKER = /^\/\* prepared: ([a-z_]+) \*\//;

/** The name `preparedAs` gave a statement's text; undefined for any other statement. */
export function preparedName(text: string): string | undefined {
  return MARKER.exec(text)?.[1];
}
