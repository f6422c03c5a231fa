import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import type { DomainModule } from '../../src/app/domain-module.js';
import { defineProjector } from '../../src/es/runtime/projector.js';
import { graphql } from '../gql/index.js';
import { createTestApp } from '../support/test-app.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { startTestServer } from '../support/test-server.js';
import { GraphQLWsConnection } from './helpers/graphql-ws-connection.js';
import { postGraphQL } from './helpers/post-graphql.js';
import { sseSubscription } from './helpers/sse.js';

const Follow = graphql(`
  subscription Follow($after: String) {
    events(after: $after) {
      position
      type
    }
  }
`);

const Rebuild = graphql(`
  mutation Rebuild($name: String!) {
    rebuildProjection(name: $name) {
      __typename
      ... on Projection {
        name
      }
    }
  }
`);

const GOING_AWAY = 1001;

describe('draining (what SIGTERM does)', () => {
  it('ends subscriptions cleanly, closes every connection, then stops the app and its pool', async () => {
    const t = await createTestApp({ domains: [] });
    const server = await startTestServer(t);

    await t.app.store.append('pings', [{ type: 'Ping', data: {} }]);
    // Each subscription is open (and then waits for live events) once it has replayed the ping.
    const ws = await GraphQLWsConnection.open(server.wsUrl);
    ws.subscribe('live', Follow, { after: '0' });
    await ws.waitFor((message) => message.id === 'live' && message.type === 'next');
    const sse = sseSubscription(server.url, Follow, { after: '0' });
    expect((await sse.next()).value?.event).toBe('next');

    await server.close();

    // WebSocket: the subscription completes, then the socket closes with "going away".
    expect(ws.of('live').at(-1)).toEqual({ id: 'live', type: 'complete' });
    expect(ws.of('live').some((message) => message.type === 'error')).toBe(false);
    expect((await ws.closed).code).toBe(GOING_AWAY);

    // SSE: the stream says `complete` and ends.
    const rest: string[] = [];
    for await (const event of sse) rest.push(event.event);
    expect(rest.at(-1)).toBe('complete');
    expect(rest).not.toContain('error');

    // No longer listening, and the app is stopped down to its pool.
    await expect(fetch(new URL('/health', server.url))).rejects.toThrow();
    await expect(sql`select 1`.execute(t.app.database.db)).rejects.toThrow();
  });

  it.skipIf(!concurrent)(`lets an in-flight mutation finish while refusing new work ${NEEDS_CONCURRENCY}`, async () => {
    const LOCK = 7007;
    // A projector whose reset waits on an advisory lock the test holds: a mutation held in flight.
    const slow: DomainModule = {
      name: 'slow',
      register: ({ runtimes }) =>
        void runtimes.addProjector(
          defineProjector({
            name: 'slow-ledger',
            handlers: {},
            reset: async (trx) => void (await sql`select pg_advisory_xact_lock(${LOCK})`.execute(trx)),
          }),
        ),
    };
    const t = await createTestApp({ domains: [slow] });
    const server = await startTestServer(t);
    const blocker = new pg.Client({ connectionString: t.database.url });
    await blocker.connect();
    let blocking = true;
    const release = async () => {
      if (!blocking) return;
      blocking = false;
      await blocker.query('select pg_advisory_unlock($1)', [LOCK]);
      await blocker.end();
    };
    try {
      await blocker.query('select pg_advisory_lock($1)', [LOCK]);
      const ws = await GraphQLWsConnection.open(server.wsUrl);

      const mutation = postGraphQL(server.url, Rebuild, { name: 'slow-ledger' });
      await vi.waitFor(async () => {
        const { rows } = await blocker.query(`select count(*)::int as waiting from pg_locks where locktype = 'advisory' and not granted`);
        expect(rows[0].waiting).toBe(1);
      });
      expect(server.server.lifecycle.inFlight).toBe(1);

      let drained = false;
      const draining = server.close().then(() => (drained = true));

      // Refused: new connections, and new operations on a connection that was already open.
      await expect(fetch(new URL('/health', server.url))).rejects.toThrow();
      ws.subscribe('late', Follow);
      const refusal = await ws.waitFor((message) => message.id === 'late');
      expect(refusal).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'SHUTTING_DOWN' } }] });
      expect(drained).toBe(false);

      // The drain ends by dropping the test database: the blocker leaves before.
      await release();
      const { response, result } = await mutation;
      expect(result).toEqual({ data: { rebuildProjection: { __typename: 'Projection', name: 'slow-ledger' } } });
      expect(response.headers.get('connection')).toBe('close');

      await draining;
      expect((await ws.closed).code).toBe(GOING_AWAY);
      await expect(sql`select 1`.execute(t.app.database.db)).rejects.toThrow();
    } finally {
      await release();
    }
  });
});
