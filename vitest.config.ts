import pg from 'pg';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Two tiers, named by the file: `*.pure.test.ts` needs no database and runs once; every other test
 * runs once per dialect, like Kysely's own tests: `postgres` against the real server and `pglite`
 * in-process. Without a reachable server, only PGlite runs (CI forbids that).
 */
export default defineConfig(async (): Promise<ViteUserConfig> => {
  const postgres = await postgresReachable();
  if (!postgres && process.env.CHRONICLE_REQUIRE_POSTGRES) {
    throw new Error(`PostgreSQL is required (CHRONICLE_REQUIRE_POSTGRES) but ${adminUrl} is not reachable`);
  }
  if (!postgres) {
    console.warn(`PostgreSQL is not reachable at ${adminUrl}: running the suite on PGlite only.`);
  }
  const dialects = postgres ? ['postgres', 'pglite'] : ['pglite'];
  // Each run clones its own template, so runs side by side (several developers, a watcher) never collide.
  const run = process.env.CHRONICLE_TEST_RUN ?? Math.random().toString(36).slice(2, 10);
  process.env.CHRONICLE_TEST_RUN = run;
  return {
    // graphql 16 ships CJS and ESM side by side without an exports map: Vite would load the .mjs build
    // for our sources while Node loads the CJS one for Pothos and Yoga. One entry keeps one realm.
    resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
    test: {
      globalSetup: ['./test/support/global-setup.ts'],
      reporters: ['default', './test/support/summary-reporter.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      projects: [
        // Pure tests (aggregates, process managers, specs: no database) run once.
        { extends: true, test: { name: 'pure', include: ['test/**/*.pure.test.ts'] } },
        // Every other test runs on each dialect.
        ...dialects.map((dialect) => ({
          extends: true as const,
          test: {
            name: dialect,
            include: ['test/**/*.test.ts'],
            exclude: ['test/**/*.pure.test.ts'],
            env: { CHRONICLE_TEST_DIALECT: dialect, CHRONICLE_TEST_ADMIN_URL: adminUrl, CHRONICLE_TEST_RUN: run },
          },
        })),
      ],
    },
  };
});
