import { readdirSync } from 'node:fs';
import SchemaBuilder from '@pothos/core';
import { type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { DummyDriver, Kysely, type Migration, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import pino from 'pino';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type DomainModule, migrationsOf } from '../../src/app/domain-module.js';
import { domains } from '../../src/app/domains.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createEmptyTestDatabase } from '../support/empty-test-database.js';
import { TEST_ACTOR, TEST_AUTH } from '../support/test-auth.js';

/**
 * "Removing a slice from the list removes it entirely": for each slice under src/domains/, the app
 * is built as it would be with that slice's line taken out of src/app/domains.ts, in a module graph
 * of its own (the slices' GraphQL registers itself on the shared builder when a module is loaded):
 * the slice's module is never loaded and the list holds the others. That app must build a schema
 * without the slice's types and fields, create none of its tables on an empty database, and serve
 * every other slice.
 */

const slices = readdirSync(new URL('../../src/domains/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/**
 * An operation each slice answers from its own tables on an empty database (those whose reads are
 * the owner's only, a command read back from its projection); a new slice adds one.
 */
const probes: Record<string, { query: string; data: unknown }> = {
  arena: { query: '{ arena(id: "probe") { __typename } }', data: { arena: null } },
  bank: {
    query: 'mutation { openAccount(input: { accountNumber: "P-1", holder: "Probe" }) { ... on Account { balance } } }',
    data: { openAccount: { balance: 0 } },
  },
  calculator: {
    query: 'mutation { calculate(input: { calculatorId: "probe", operation: ADD, operand: 2 }) { ... on Calculator { value } } }',
    data: { calculate: { value: 2 } },
  },
  challenges: { query: '{ challenges { __typename } }', data: { challenges: [] } },
  coins: { query: '{ richest { __typename } }', data: { richest: [] } },
  orders: { query: '{ blockedProducts }', data: { blockedProducts: [] } },
};

const moduleOf = (slice: string) => domains.find((domain) => domain.name === slice)!;
const modulePath = (slice: string) => `../../src/domains/${slice}/${slice}-module.js`;
const DOMAINS_PATH = '../../src/app/domains.js';

// Each app below loads the GraphQL layer again, in a fresh module graph; Pothos keeps one plugin registry per process.
SchemaBuilder.allowPluginReRegistration = true;

/** The app with `removed` taken out of its list, loaded afresh: those slices' modules are never loaded. */
async function appWithout(removed: readonly string[]) {
  vi.resetModules();
  vi.doUnmock(DOMAINS_PATH);
  for (const slice of slices) vi.doUnmock(modulePath(slice));
  const notLoaded = new Set<object>();
  for (const slice of removed) {
    const placeholder = { name: slice };
    notLoaded.add(placeholder);
    vi.doMock(modulePath(slice), () => ({ [`${slice}Module`]: placeholder }));
  }
  vi.doMock(DOMAINS_PATH, async (importOriginal) => {
    const original = await importOriginal<typeof import('../../src/app/domains.js')>();
    return { ...original, domains: original.domains.filter((domain) => !notLoaded.has(domain)) };
  });
  const { domains: listed } = await import('../../src/app/domains.js');
  const { schema } = await import('../../src/app/schema.js');
  const { createChronicle } = await import('../../src/app/create-chronicle.js');
  const { createChronicleServer } = await import('../../src/server/create-server.js');
  return { listed, schema, createChronicle, createChronicleServer };
}

/** Every type, field, enum value and union member of a schema, as `Type`, `Type.field`, `Type|Member`. */
function signatureOf(schema: GraphQLSchema): Set<string> {
  const signature = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    signature.add(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.keys(type.getFields())) signature.add(`${type.name}.${field}`);
    }
    if (isObjectType(type) || isInterfaceType(type)) for (const face of type.getInterfaces()) signature.add(`${type.name}:${face.name}`);
    if (isEnumType(type)) for (const value of type.getValues()) signature.add(`${type.name}.${value.name}`);
    if (isUnionType(type)) for (const member of type.getTypes()) signature.add(`${type.name}|${member.name}`);
  }
  return signature;
}

/** The tables `migrations` create, read from their SQL compiled for PostgreSQL without a database. */
async function tablesCreatedBy(migrations: Readonly<Record<string, Migration>>): Promise<string[]> {
  const statements: string[] = [];
  const compiler = new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => void statements.push(event.query.sql),
  });
  for (const migration of Object.values(migrations)) await migration.up(compiler);
  return statements.flatMap((statement) => /^create table (?:if not exists )?"(\w+)"/.exec(statement)?.[1] ?? []);
}

/** The names of the projectors, event handlers and process managers `module` registers. */
function runtimesOf(module: DomainModule): string[] {
  const names: string[] = [];
  const runtimes: any = new Proxy(
    {},
    {
      get: () => (runtime: { name: string }) => {
        names.push(runtime.name);
        return runtimes;
      },
    },
  );
  module.register({ router: { register() {} } as never, runtimes, db: undefined as never });
  return names;
}

async function tablesOf(database: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = 'public' order by 1
  `.execute(database.db);
  return rows.map((row) => row.name);
}

async function post(url: URL, query: string): Promise<{ data?: unknown; errors?: { message: string }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  // A mutation's answer also carries the position its writes reached: the probes compare the rest.
  const { extensions: _position, ...answer } = (await response.json()) as {
    data?: unknown;
    errors?: { message: string }[];
    extensions?: unknown;
  };
  return answer;
}

describe('a slice left out of the app’s list', () => {
  /** The schema with no slice at all, and with each slice alone: what each slice brings is the difference. */
  let shared: Set<string>;
  const own = new Map<string, Set<string>>();

  beforeAll(async () => {
    shared = signatureOf((await appWithout(slices)).schema);
    for (const slice of slices) {
      const alone = signatureOf((await appWithout(slices.filter((other) => other !== slice))).schema);
      own.set(slice, new Set([...alone].filter((entry) => !shared.has(entry))));
    }
  });

  it('is every slice under src/domains/, each listed once and with a query to probe it', () => {
    expect(
      domains
        .map((domain) => domain.name)
        .filter((name) => slices.includes(name))
        .sort(),
    ).toEqual(slices);
    expect(Object.keys(probes).sort()).toEqual(slices);
  });

  it.each(slices)('%s: its types, fields, tables, runtimes and routes are gone, and every other slice still answers', async (slice) => {
    const others = slices.filter((other) => other !== slice);
    const app = await appWithout([slice]);
    expect(app.listed.map((domain: DomainModule) => domain.name)).toEqual(
      domains.map((domain) => domain.name).filter((name) => name !== slice),
    );

    const signature = signatureOf(app.schema);
    expect(own.get(slice)!.size).toBeGreaterThan(0);
    // A type two slices use (say AsOf) stays while either is listed.
    const keptByOthers = (entry: string) => others.some((other) => own.get(other)!.has(entry));
    expect([...own.get(slice)!].filter((entry) => signature.has(entry) && !keptByOthers(entry))).toEqual([]);
    expect([...signature].sort()).toEqual([...new Set([...shared, ...others.flatMap((other) => [...own.get(other)!])])].sort());

    const kept = domains.filter((domain) => domain.name !== slice);
    const database = await createEmptyTestDatabase();
    const chronicle = await app.createChronicle(
      { ...loadConfig({}), pollIntervalMs: 200, auth: TEST_AUTH },
      { database, logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) },
    );
    const server = app.createChronicleServer(chronicle, { graphiql: false, defaultActor: TEST_ACTOR, drainTimeoutMs: 5_000 });
    try {
      const removedTables = await tablesCreatedBy(moduleOf(slice).migrations ?? {});
      expect(removedTables.length).toBeGreaterThan(0);
      const keptTables = await tablesCreatedBy(migrationsOf(kept));
      expect(await tablesOf(database)).toEqual(['kysely_migration', 'kysely_migration_lock', ...keptTables].sort());
      const recorded = await database.db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
      expect(recorded.map((row) => row.name)).toEqual(Object.keys(migrationsOf(kept)));

      const running = chronicle.runtimes.names();
      expect(runtimesOf(moduleOf(slice)).length).toBeGreaterThan(0);
      expect(runtimesOf(moduleOf(slice)).filter((name) => running.includes(name))).toEqual([]);
      expect(running).toEqual(expect.arrayContaining(others.flatMap((other) => runtimesOf(moduleOf(other)))));

      const route = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
      expect(chronicle.routes.map(route)).toEqual(kept.flatMap((domain) => domain.routes ?? []).map(route));

      const base = await server.listen(0, '127.0.0.1');
      const graphql = new URL('/graphql', base);
      for (const other of others) expect(await post(graphql, probes[other]!.query), other).toEqual({ data: probes[other]!.data });
      const refused = await post(graphql, probes[slice]!.query);
      expect(refused.errors?.[0]?.message).toMatch(/^Cannot query field/);
      for (const removed of moduleOf(slice).routes ?? []) {
        const response = await fetch(new URL(removed.path.replaceAll(/:\w+/g, 'probe'), base), { method: removed.method });
        expect(response.status, route(removed)).toBe(404);
      }
    } finally {
      await server.drain();
    }
  });
});
