import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type ExecutionResult, print, subscribe } from 'graphql';
import pino from 'pino';
import type { Chronicle } from '../../src/app/chronicle.js';
import { createChronicle, type ChronicleOptions } from '../../src/app/create-chronicle.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createChronicleYoga } from '../../src/graphql/create-yoga.js';
import type { Actor } from '../../src/es/actor.js';
import { schema } from '../../src/app/schema.js';
import { TEST_ACTOR, TEST_AUTH } from './test-auth.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * The variables of an operation none of whose variables is required: such an operation may be sent without any.
 * (An operation with a required variable is not a `TypedDocumentNode<Result, NoRequiredVariables>`.)
 */
export type NoRequiredVariables = Record<string, never>;

export interface TestApp {
  app: Chronicle;
  database: TestDatabase;
  /** Who requests without a token are (by default `TEST_ACTOR`, an admin); undefined: anonymous. */
  actor: Actor | undefined;
  /**
   * Runs a GraphQL operation through the real Yoga endpoint (no socket) and returns its result. The document types
   * the variables and the result: write the operation with `graphql()` from test/gql, then run `npm run codegen`.
   */
  graphql<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: NoInfer<Variables>,
    headers?: Record<string, string>,
  ): Promise<ExecutionResult<Result>>;
  graphql<Result>(document: TypedDocumentNode<Result, NoRequiredVariables>): Promise<ExecutionResult<Result>>;
  /** Subscribes through the schema's own resolvers; `return()` on the iterator ends the subscription. */
  subscribe<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: NoInfer<Variables>,
  ): Promise<AsyncIterableIterator<ExecutionResult<Result>, undefined>>;
  subscribe<Result>(
    document: TypedDocumentNode<Result, NoRequiredVariables>,
  ): Promise<AsyncIterableIterator<ExecutionResult<Result>, undefined>>;
  /** Waits until every projector, handler and process manager has processed the whole log. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** A whole Chronicle on a fresh database of the dialect under test, with logs silenced unless LOG_LEVEL is set. */
export async function createTestApp({
  actor = TEST_ACTOR,
  config: settings = {},
  ...options
}: Omit<ChronicleOptions, 'database'> & { actor?: Actor | null; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({}), pollIntervalMs: 200, auth: TEST_AUTH, ...settings };
  const app = await createChronicle(config, {
    logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    runtimeOptions: { backoffMs: 10, maxBackoffMs: 200 },
    ...options,
    database,
  });
  const defaultActor = actor ?? undefined;
  const yoga = createChronicleYoga(app, { graphiql: false, ...(defaultActor ? { defaultActor } : {}) });
  return {
    app,
    database,
    actor: defaultActor,
    async graphql(document: DocumentNode, variables?: unknown, headers: Record<string, string> = {}) {
      const response = await yoga.fetch('http://chronicle.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return (await response.json()) as ExecutionResult<any>;
    },
    async subscribe(document: DocumentNode, variables?: unknown) {
      const result = await subscribe({
        schema,
        document,
        variableValues: variables as Record<string, unknown> | undefined,
        contextValue: { app, requestId: crypto.randomUUID(), actor: defaultActor, reads: app.database },
      });
      if (!(Symbol.asyncIterator in result)) throw new Error(`subscription failed: ${JSON.stringify(result.errors)}`);
      return result as AsyncIterableIterator<ExecutionResult<any>>;
    },
    settle: () => app.runtimes.settle(),
    stop: () => app.stop(),
  };
}
