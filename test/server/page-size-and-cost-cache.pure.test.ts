import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { pageSizeAndCostCache, pageSizeAndCostRefusal } from '../../src/server/abuse-limits.js';

// Pure tier: the cache against the uncached check, on a small schema of its own.
const schema = buildSchema(`
  type Item { name: String, children(first: Int): [Item] }
  type Query { items(first: Int, last: Int): [Item], item: Item }
`);
const MAX_COST = 5_000;

describe('page sizes and cost, answered once per document and page sizes', () => {
  it('answers every set of variables as the uncached check does, however they alternate on one document', () => {
    const document = parse('query($n: Int, $m: Int) { items(first: $n) { name children(first: $m) { name } } }');
    const cached = pageSizeAndCostCache(MAX_COST);
    const variableSets = [
      { n: 10, m: 10 },
      { n: 1_000, m: 1 },
      { n: 10, m: 10 },
      { n: 100, m: 100 },
      {},
      { n: 10, m: 10 },
      { n: 1_000, m: 1 },
    ];
    const answers = variableSets.map((variables) => cached(schema, document, variables)?.extensions.code ?? 'accepted');
    const expected = variableSets.map(
      (variables) => pageSizeAndCostRefusal(schema, document, variables, MAX_COST)?.extensions.code ?? 'accepted',
    );
    expect(answers).toEqual(expected);
    // Both a page too large and a cost too high are among them, so the check is not vacuous.
    expect(new Set(answers)).toEqual(new Set(['accepted', 'BAD_USER_INPUT', 'QUERY_TOO_COSTLY']));
  });

  it('tells a variable left out from one given as null, as the check does', () => {
    const document = parse('query($n: Int = 1000) { items(first: $n) { name } }');
    const cached = pageSizeAndCostCache(MAX_COST);
    expect(cached(schema, document, {})?.extensions.code).toBe('BAD_USER_INPUT');
    expect(cached(schema, document, { n: null })).toBeUndefined();
    expect(cached(schema, document, {})?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a document whose page sizes are inline without looking at the variables', () => {
    const cached = pageSizeAndCostCache(MAX_COST);
    const large = parse('{ items(first: 1000) { name } }');
    expect(cached(schema, large, {})?.extensions.code).toBe('BAD_USER_INPUT');
    expect(cached(schema, large, { unrelated: 1 })?.extensions.code).toBe('BAD_USER_INPUT');
    expect(cached(schema, parse('{ item { name } }'), {})).toBeUndefined();
  });
});
