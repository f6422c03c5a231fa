import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import type { EventStoreTables, RuntimeRegistry, RuntimeStatus } from '../es/index.js';
import type { ChronicleMetrics } from './metrics.js';

/**
 * Gauges read at scrape time from where the truth lives: the runtime registry's status (head of
 * the log, each runtime's checkpoint and state) and the dead-letter table. Nothing is kept up to date in
 * between, so a scrape costs two small queries and the hot path nothing. While the database is
 * unreachable these gauges are left out of the scrape (and the reason logged) rather than failing
 * the whole scrape, so process metrics still arrive.
 */
export function registerRuntimeGauges(
  metrics: ChronicleMetrics,
  { runtimes, db, logger }: { runtimes: RuntimeRegistry; db: Kysely<EventStoreTables>; logger: Logger },
): void {
  const registers = [metrics.registry];
  // One scrape collects every gauge at once: they share one status read.
  let pending: Promise<RuntimeStatus[] | undefined> | undefined;
  const statuses = () => {
    pending ??= readOrWarn(logger, 'runtime status', () => runtimes.status()).finally(() => (pending = undefined));
    return pending;
  };

  new Gauge({
    name: 'chronicle_log_head_position',
    help: 'Global position of the newest event in the log.',
    registers,
    async collect() {
      this.reset();
      const head = (await statuses())?.[0]?.head;
      if (head !== undefined) this.set(head);
    },
  });

  new Gauge({
    name: 'chronicle_runtime_lag_events',
    help: 'Events between the head of the log and the checkpoint of each projector, event handler and process manager.',
    labelNames: ['runtime', 'kind'] as const,
    registers,
    async collect() {
      this.reset();
      for (const status of (await statuses()) ?? []) this.set({ runtime: status.name, kind: status.kind }, status.lag);
    },
  });

  new Gauge({
    name: 'chronicle_runtime_failing',
    help: '1 while a runtime is failing (retrying a batch with backoff), else 0.',
    labelNames: ['runtime', 'kind'] as const,
    registers,
    async collect() {
      this.reset();
      for (const status of (await statuses()) ?? []) {
        this.set({ runtime: status.name, kind: status.kind }, status.state === 'failed' ? 1 : 0);
      }
    },
  });

  new Gauge({
    name: 'chronicle_dead_letters',
    help: 'Events an event handler or process manager gave up on and set aside, not yet retried successfully.',
    labelNames: ['handler'] as const,
    registers,
    async collect() {
      this.reset();
      const counts = await readOrWarn(logger, 'dead letters', () => countDeadLetters(db));
      if (!counts) return;
      const handlers = [...runtimes.names('event-handler'), ...runtimes.names('process-manager')];
      for (const handler of handlers) this.set({ handler }, 0);
      for (const { handler, count } of counts) this.set({ handler }, count);
    },
  });
}

async function countDeadLetters(db: Kysely<EventStoreTables>): Promise<Array<{ handler: string; count: number }>> {
  const rows = await db
    .selectFrom('dead_letters')
    .select(['handler', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('retried_at', 'is', null)
    .groupBy('handler')
    .execute();
  return rows.map((row) => ({ handler: row.handler, count: Number(row.count) }));
}

async function readOrWarn<T>(logger: Logger, what: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    logger.warn({ err: error }, `metrics: could not read ${what}`);
    return undefined;
  }
}
