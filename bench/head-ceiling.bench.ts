import { tables } from '../src/db/database.js';
import type { EventStoreTables } from '../src/es/event-store-tables.js';
import { EventStore } from '../src/es/event-store.js';
import { measure, median, printTable, type Benchmark, type Measurement } from './report.js';

const WRITERS_PER_INSTANCE = 32;
const POOL_SIZE = 20;
const ROUNDS = 3;
const SHAPES = [
  { instances: 1, eventsPerAppend: 1 },
  { instances: 2, eventsPerAppend: 1 },
  { instances: 4, eventsPerAppend: 1 },
  { instances: 1, eventsPerAppend: 10 },
  { instances: 4, eventsPerAppend: 10 },
];

/**
 * The ceiling of one log: every append takes the single head row's lock, so appends from all
 * instances are serialised there. Within an instance, group commit writes every append waiting
 * in one statement; across instances, those statements queue for the lock. Each "instance" here is
 * an EventStore with its own pool and append queue, as a server process has, with 32 writers on
 * streams of their own (no conflicts): events/s is what the head lets through.
 */
export const headCeilingBenchmark: Benchmark = {
  name: 'head-ceiling',
  async run(ctx) {
    const run = crypto.randomUUID().slice(0, 8);
    const rows: Array<Array<string | number>> = [];
    for (const { instances, eventsPerAppend } of SHAPES) {
      const stores = Array.from({ length: instances }, () => new EventStore(tables<EventStoreTables>(ctx.database(POOL_SIZE))));
      const versions = new Map<string, number>();
      const events = Array.from({ length: eventsPerAppend }, (_, index) => ({ type: 'Deposited', data: { index, amount: 1 } }));
      const append = async (worker: number) => {
        const streamId = `ceiling-${run}-${instances}-${eventsPerAppend}-${worker}`;
        const store = stores[worker % instances]!;
        const result = await store.append(streamId, events, versions.get(streamId) ?? 0);
        versions.set(streamId, result.version);
      };
      const rounds: Measurement[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        rounds.push(
          await measure({
            concurrency: instances * WRITERS_PER_INSTANCE,
            durationMs: ctx.durationMs,
            warmupMs: ctx.warmupMs,
            operation: append,
          }),
        );
      }
      const result = median(rounds);
      rows.push([
        String(instances),
        String(eventsPerAppend),
        result.perSecond,
        result.perSecond * eventsPerAppend,
        result.p50Ms,
        result.p99Ms,
      ]);
    }
    printTable(
      `The head's ceiling: ${WRITERS_PER_INSTANCE} writers per instance, pool ${POOL_SIZE} each, median of ${ROUNDS}`,
      ['instances', 'events/append', 'appends/s', 'events/s', 'p50 ms', 'p99 ms'],
      rows,
    );
  },
};
