import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/app/schema.js';
import { printedSchema } from '../../src/graphql/print-schema.js';

const committed = new URL('../../schema/schema.graphql', import.meta.url);

describe('schema/schema.graphql', () => {
  it('is the schema Pothos builds (run `npm run schema` after changing types)', () => {
    // Compared as text, not as a snapshot: with CI set, vitest never writes snapshots.
    expect(readFileSync(committed, 'utf8')).toBe(printedSchema(schema));
  });
});
