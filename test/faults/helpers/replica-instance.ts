import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import pino from 'pino';
import type { Chronicle } from '../../../src/app/chronicle.js';
import { createChronicle } from '../../../src/app/create-chronicle.js';
import { loadConfig } from '../../../src/config.js';
import { createChronicleYoga } from '../../../src/graphql/create-yoga.js';
import type { Actor } from '../../../src/es/actor.js';
import { authorizationFor, TEST_ACTOR, TEST_AUTH } from '../../support/test-auth.js';
import type { ThrowawayPostgres } from '../../support/throwaway-postgres.js';
import type { ThrowawayReplica } from '../../support/throwaway-replica.js';

/** One Chronicle instance on a throwaway primary, with its replica as `DATABASE_READ_URLS` when given. */
export interface ReplicaInstance {
  app: Chronicle;
  /** Sends an operation over HTTP as `actor` (by default `TEST_ACTOR`, an admin), with `headers`. */
  send<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
    options?: { actor?: Actor; headers?: Record<string, string> },
  ): Promise<{ position: string | null; result: ExecutionResult<Result> }>;
  /** The current value of one of the instance's counters, for these labels. */
  counted(metric: 'queryReads' | 'replayReads', labels: Record<string, string>): Promise<number>;
}

export async function startReplicaInstance(
  primary: ThrowawayPostgres,
  replica: ThrowawayReplica | undefined,
  { replicaWaitMs = 2_000 }: { replicaWaitMs?: number } = {},
): Promise<ReplicaInstance> {
  const config = {
    ...loadConfig({}),
    databaseUrl: primary.url,
    databaseReadUrls: replica ? [replica.url] : [],
    replicaWaitMs,
    pollIntervalMs: 200,
    auth: TEST_AUTH,
  };
  const app = await createChronicle(config, { logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) });
  const yoga = createChronicleYoga(app, { graphiql: false, defaultActor: TEST_ACTOR });
  return {
    app,
    async send(document, variables, { actor, headers = {} } = {}) {
      const response = await yoga.fetch('http://chronicle.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(actor ? await authorizationFor(actor) : {}),
          ...headers,
        },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return { position: response.headers.get('chronicle-position'), result: (await response.json()) as ExecutionResult<any> };
    },
    async counted(metric, labels) {
      const { values } = await app.metrics[metric].get();
      const matches = (value: (typeof values)[number]) =>
        Object.entries(labels).every(([name, wanted]) => (value.labels as Record<string, unknown>)[name] === wanted);
      return values.find(matches)?.value ?? 0;
    },
  };
}
