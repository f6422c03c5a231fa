import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/app/schema.js';

// The README's GraphQL blocks are what a newcomer pastes first: each must run against the schema as written.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe("the README's GraphQL blocks", () => {
  it('are there: open, watch, deposit, log, withdraw, transfer', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.map((block) => [/(?:mutation|query|subscription) (\w+)/.exec(block)?.[1] ?? block.slice(0, 40), block]))(
    '%s validates against the schema',
    (_name, block) => {
      expect(validate(schema, parse(block)).map((error) => error.message)).toEqual([]);
    },
  );
});
