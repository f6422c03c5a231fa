import type pg from 'pg';

/**
 * A query whose text starts with `/* prepared: <name> *\/` runs as a named prepared statement on
 * each connection: PostgreSQL parses and plans it once per connection instead of on every call.
 * Kysely's driver sends plain `query(text, values)`, so the name travels in the text. Only for
 * statements whose text never changes (a name bound to another text is an error in node-pg).
 */
const MARKER = /^\/\* prepared: ([a-z_]+) \*\//;

export function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof config === 'string' ? MARKER.exec(config)?.[1] : undefined;
    if (name === undefined) return query(config, values, callback);
    return query({ name, text: config, values }, callback);
  };
}

/** Marks a statement's text for `prepareMarkedStatements` (a comment: other drivers just run it). */
export function preparedAs(name: string): string {
  return `/* prepared: ${name} */`;
}
