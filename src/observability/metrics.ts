import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** How a dispatched command ended. */
export type CommandOutcome = 'accepted' | 'replayed' | 'rejected' | 'conflict' | 'failed';
export type AppendOutcome = 'ok' | 'wrong_expected_version' | 'failed';
/** `websocket` is graphql-ws; `http` is GraphQL over SSE (or multipart) served by Yoga. */
export type SubscriptionTransport = 'websocket' | 'http';

/** Latency buckets in seconds, from a cached-state command (~1 ms) to a timed-out strong wait (5 s). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One instance's Prometheus metrics, in a registry of its own (never prom-client's global one),
 * so that several instances in one process, as in the tests, each count only their own work.
 * Counters and histograms are fed as work happens; gauges of state that lives elsewhere (runtime
 * lag, dead letters) are read when scraped (see `runtime-gauges.ts`).
 */
export class ChronicleMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'chronicle_commands_total',
    help: 'Commands dispatched, by command type and outcome (accepted, rejected by a domain rule or validation, conflict after retries, failed unexpectedly).',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'chronicle_command_duration_seconds',
    help: 'Time to handle a command: middleware, load, decision and append; excludes the wait of a strong dispatch for its projections.',
    labelNames: ['type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly consistencyWait = new Histogram({
    name: 'chronicle_consistency_wait_seconds',
    help: 'How long strong dispatches waited for their projections to process the appended events.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'chronicle_append_duration_seconds',
    help: 'Time from an append request to its commit (or refusal), including the wait for its batch.',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly queryReads = new Counter({
    name: 'chronicle_query_reads_total',
    help: 'GraphQL queries by the database that answered them (replica or primary) and whether they asked for a minimum position.',
    labelNames: ['database', 'consistency'] as const,
    registers: [this.registry],
  });

  readonly replayReads = new Counter({
    name: 'chronicle_replay_reads_total',
    help: 'Reads of the stored log by replaying subscriptions, by the database that answered them (replica or primary).',
    labelNames: ['database'] as const,
    registers: [this.registry],
  });

  readonly openSubscriptions = new Gauge({
    name: 'chronicle_subscriptions_open',
    help: 'GraphQL subscriptions streaming now, by transport.',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });

  constructor({ processMetrics = true }: { processMetrics?: boolean } = {}) {
    for (const transport of ['websocket', 'http'] as const) this.openSubscriptions.set({ transport }, 0);
    // CPU, memory, heap, GC and event-loop delay of this process, with prom-client's standard names.
    if (processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** The text exposition format, for GET /metrics. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
