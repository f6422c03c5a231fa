import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parsePrometheusText, sampleValue, type Sample } from '../../bench/load/prometheus-text.js';
import type { DomainModule } from '../../src/app/domain-module.js';
import { domains } from '../../src/app/domains.js';
import { defineEventHandler } from '../../src/es/runtime/event-handler.js';
import { defineProjector } from '../../src/es/runtime/projector.js';
import { ACCOUNTS_PROJECTION } from '../../src/domains/bank/accounts-projector.js';
import { waitForRuntime } from '../es/fixtures/app.js';
import { BALANCE_UPDATED, DEPOSIT, OPEN_ACCOUNT, WITHDRAW } from '../domains/bank/bank-operations.js';
import { graphql } from '../gql/index.js';
import { sseSubscription } from '../graphql/helpers/sse.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const Calculate = graphql(`
  mutation MeteredCalculate($input: CalculateInput!) {
    calculate(input: $input) {
      __typename
      ... on Error {
        code
      }
    }
  }
`);

/** The `gated` projector fails its first batch (and retries it) until the gate opens: a runtime with a known lag. */
let gateOpen = false;
const releaseGate = () => void (gateOpen = true);

const observedModule: DomainModule = {
  name: 'observed',
  register({ runtimes }) {
    runtimes.addProjector(
      defineProjector({
        name: 'gated',
        reset: async () => {},
        handlers: {
          async AccountOpened() {
            if (!gateOpen) throw new Error('gate closed');
          },
        },
      }),
    );
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'unlucky',
        errorPolicy: { retries: 0, onExhausted: 'dead-letter' },
        handlers: {
          async MoneyDeposited(event) {
            if ((event.data as { amount: number }).amount === 13) throw new Error('13 is unlucky');
          },
        },
      }),
    );
  },
};

describe('GET /metrics', () => {
  let t: TestApp;
  let server: TestServer;

  const scrape = async (): Promise<Sample[]> => {
    const response = await fetch(new URL('/metrics', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await response.text());
  };
  const metric = async (name: string, labels: Record<string, string> = {}) => sampleValue(await scrape(), name, labels);

  beforeAll(async () => {
    t = await createTestApp({ domains: [...domains, observedModule] });
    server = await startTestServer(t);
  });

  afterAll(async () => {
    releaseGate();
    await server.close();
  });

  it('counts commands by type and outcome, times them and their appends, and reads runtime lag and dead letters', async () => {
    const open = await t.graphql(OPEN_ACCOUNT, { input: { accountNumber: 'M-1', holder: 'Metered' } });
    expect(open.data?.openAccount.__typename).toBe('Account');
    for (const amount of [100, 13]) {
      expect((await t.graphql(DEPOSIT, { input: { accountNumber: 'M-1', amount } })).data?.deposit.__typename).toBe('Account');
    }
    expect((await t.graphql(DEPOSIT, { input: { accountNumber: 'M-1', amount: 0 } })).data?.deposit.__typename).toBe('ValidationError');
    expect((await t.graphql(WITHDRAW, { input: { accountNumber: 'M-1', amount: 1_000 } })).data?.withdraw.__typename).toBe(
      'InsufficientFundsError',
    );
    const calculate = (operation: 'ADD' | 'DIVIDE', operand: number) =>
      t.graphql(Calculate, { input: { calculatorId: 'c-1', operation, operand } });
    expect((await calculate('ADD', 5)).data?.calculate.__typename).toBe('Calculator');
    expect((await calculate('DIVIDE', 0)).data?.calculate.__typename).toBe('DivideByZeroError');

    // Four events: AccountOpened, two deposits, the calculation. Every runtime but `gated` gets through them.
    const head = 4;
    for (const name of t.app.runtimes.names().filter((name) => name !== 'gated')) await waitForRuntime(t.app, name, head);

    const samples = await scrape();
    const commands = samples.filter((sample) => sample.name === 'chronicle_commands_total');
    expect(commands.map(({ labels, value }) => `${labels.type} ${labels.outcome} ${value}`).sort()).toEqual([
      'Calculate accepted 1',
      'Calculate rejected 1',
      'Deposit accepted 2',
      'Deposit rejected 1',
      'OpenAccount accepted 1',
      'Withdraw rejected 1',
    ]);
    expect(sampleValue(samples, 'chronicle_command_duration_seconds_count', { type: 'Deposit', outcome: 'accepted' })).toBe(2);
    expect(sampleValue(samples, 'chronicle_command_duration_seconds_sum', { type: 'Deposit', outcome: 'accepted' })).toBeGreaterThan(0);
    expect(sampleValue(samples, 'chronicle_command_duration_seconds_bucket', { type: 'Deposit', outcome: 'accepted', le: '+Inf' })).toBe(2);
    expect(sampleValue(samples, 'chronicle_append_duration_seconds_count', { outcome: 'ok' })).toBe(head);
    expect(sampleValue(samples, 'chronicle_consistency_wait_seconds_count')).toBe(head);

    expect(sampleValue(samples, 'chronicle_log_head_position')).toBe(head);
    expect(sampleValue(samples, 'chronicle_runtime_lag_events', { runtime: 'gated', kind: 'projector' })).toBe(head);
    expect(sampleValue(samples, 'chronicle_runtime_lag_events', { runtime: ACCOUNTS_PROJECTION, kind: 'projector' })).toBe(0);
    expect(sampleValue(samples, 'chronicle_runtime_lag_events', { runtime: 'unlucky', kind: 'event-handler' })).toBe(0);
    expect(sampleValue(samples, 'chronicle_runtime_failing', { runtime: ACCOUNTS_PROJECTION, kind: 'projector' })).toBe(0);
    // Between two attempts (while it backs off) the gated projector reads as failing.
    await vi.waitFor(async () => expect(await metric('chronicle_runtime_failing', { runtime: 'gated', kind: 'projector' })).toBe(1));

    expect(sampleValue(samples, 'chronicle_dead_letters', { handler: 'unlucky' })).toBe(1);
    expect(sampleValue(samples, 'chronicle_dead_letters', { handler: 'bank-transfer-process' })).toBe(0);
    // The process's own figures come along under prom-client's standard names.
    expect(sampleValue(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

    releaseGate();
    await t.settle();
    expect(await metric('chronicle_runtime_lag_events', { runtime: 'gated', kind: 'projector' })).toBe(0);
    expect(await metric('chronicle_runtime_failing', { runtime: 'gated', kind: 'projector' })).toBe(0);
  });

  it('counts open subscriptions per transport while they stream, and not after they end', async () => {
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const overWebSocket = client.iterate({ query: print(BALANCE_UPDATED), variables: { accountNumber: 'M-1', after: '0' } });
    const abort = new AbortController();
    const overSse = sseSubscription(server.url, BALANCE_UPDATED, { accountNumber: 'M-1', after: '0' }, abort.signal);
    try {
      // Each has replayed the first deposit, so each is streaming.
      expect((await overWebSocket.next()).value?.data?.balanceUpdated.delta).toBe(100);
      expect(JSON.parse((await overSse.next()).value!.data).data.balanceUpdated.delta).toBe(100);
      const samples = await scrape();
      expect(sampleValue(samples, 'chronicle_subscriptions_open', { transport: 'websocket' })).toBe(1);
      expect(sampleValue(samples, 'chronicle_subscriptions_open', { transport: 'http' })).toBe(1);
    } finally {
      await overWebSocket.return?.();
      await overSse.return(undefined);
      abort.abort();
    }
    await vi.waitFor(async () => {
      const samples = await scrape();
      expect(sampleValue(samples, 'chronicle_subscriptions_open', { transport: 'websocket' })).toBe(0);
      expect(sampleValue(samples, 'chronicle_subscriptions_open', { transport: 'http' })).toBe(0);
    });
    await client.dispose();
  });

  it('counts a subscription that ends with the client disconnecting', async () => {
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const stream = client.iterate({ query: print(BALANCE_UPDATED), variables: { accountNumber: 'M-1', after: '0' } });
    await stream.next();
    expect(await metric('chronicle_subscriptions_open', { transport: 'websocket' })).toBe(1);
    await client.dispose();
    await vi.waitFor(async () => expect(await metric('chronicle_subscriptions_open', { transport: 'websocket' })).toBe(0));
  });

  it('belong to one instance: a second app in the same process starts from zero', async () => {
    const other = await createTestApp({ domains: [] });
    try {
      const samples = parsePrometheusText(await other.app.metrics.render());
      expect(samples.filter((sample) => sample.name === 'chronicle_commands_total')).toEqual([]);
      expect(sampleValue(samples, 'chronicle_subscriptions_open', { transport: 'websocket' })).toBe(0);
    } finally {
      await other.stop();
    }
    expect(await metric('chronicle_commands_total', { type: 'Deposit', outcome: 'accepted' })).toBe(2);
  });
});
