import { readFile, writeFile } from 'node:fs/promises';
import SchemaBuilder from '@pothos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyone } from '../../src/es/access/rules.js';
import { accessRulesPlugin } from '../../src/graphql/access-rules-plugin.js';
import { accessTablesMarkdown, commandAccess, operationAccess } from '../../src/graphql/access-table.js';
import { schema } from '../../src/app/schema.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Database tier (it needs the router every slice registers its commands on).
const DOCS = new URL('../../docs/auth.md', import.meta.url);
const START = '<!-- access-table: generated from the rules; UPDATE_ACCESS_TABLE=1 npx vitest run test/auth/access-table.test.ts -->';
const END = '<!-- /access-table -->';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

describe('every operation has a rule, declared by its slice', () => {
  it('every query, mutation and subscription of the schema has one, and every command a mutation defers to exists', () => {
    const rows = operationAccess(schema, t.app.router);
    const roots = [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!];
    expect(rows.map((row) => row.operation).sort()).toEqual(
      roots.flatMap((root) => Object.keys(root.getFields()).map((name) => `${root.name}.${name}`)).sort(),
    );
    expect(rows.filter((row) => row.allows.includes('NO RULE') || row.allows.includes('NO SUCH COMMAND'))).toEqual([]);
    expect(rows.filter((row) => row.allows === 'any signed-in actor' && row.operation.startsWith('Mutation.'))).toEqual([]);
  });

  it('every registered command has a rule', () => {
    expect(commandAccess(t.app.router).filter((row) => !row.allows)).toEqual([]);
  });

  it('a root field without a rule does not build: there is no default', () => {
    const builder = new SchemaBuilder<{}>({ plugins: [accessRulesPlugin] });
    builder.queryType({});
    builder.queryField('open', (t) => t.string({ access: everyone, resolve: () => 'yes' }));
    builder.queryField('forgotten', (t) => t.string({ resolve: () => 'oops' } as never));
    expect(() => builder.toSchema()).toThrow('Query.forgotten has no access rule');
  });

  it('a command registered without a rule is refused', () => {
    const aggregate = { name: 'loose', initialState: {}, execute: () => [], apply: (state: object) => state };
    expect(() => t.app.router.register(aggregate, { Loosen: { identity: 'id' } } as never)).toThrow('Command "Loosen" has no access rule');
  });

  it('docs/auth.md shows the rules as they are', async () => {
    const docs = await readFile(DOCS, 'utf8');
    const [before, rest] = docs.split(START);
    const [, after] = (rest ?? '').split(END);
    const table = `${START}\n\n${accessTablesMarkdown(schema, t.app.router)}\n${END}`;
    if (process.env.UPDATE_ACCESS_TABLE) await writeFile(DOCS, `${before}${table}${after}`);
    else expect(`${START}${rest?.slice(0, rest.indexOf(END))}${END}`).toBe(table);
  });
});
