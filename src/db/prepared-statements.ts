import type pg from 'pg';
import { preparedName } from '../es/index.js';

/**
 * Runs every query whose text the engine marked with `preparedAs` as a named prepared statement
 * on this connection: PostgreSQL parses and plans it once per connection instead of on every call.
 * Kysely's driver sends plain `query(text, values)`, so the name travels in the text.
 */
export function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof config === 'string' ? preparedName(config) : undefined;
    if (name === undefined) return query(config, values, callback);
    return query({ name, text: config, values }, callback);
  };
}
