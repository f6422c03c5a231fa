import { tables } from '../src/db/database.js';
import { accountAggregate } from '../src/domains/bank/account-aggregate.js';
import type { AccountEvent } from '../src/domains/bank/account-events.js';
import { bankEventUpcasters } from '../src/domains/bank/bank-event-upcasters.js';
import { AggregateRepository } from '../src/es/aggregate-repository.js';
import { CommandRouter } from '../src/es/command-router.js';
import type { EventStoreTables } from '../src/es/event-store-tables.js';
import { EventStore } from '../src/es/event-store.js';
import { printTable, ratio, type Benchmark } from './report.js';
import { everyone } from '../src/es/access/rules.js';

const PRIOR_EVENTS = 10_000;
const SAMPLES = 200;
const TARGET = 1.5;

/**
 * One command on an aggregate with 10,000 prior events, with the state cache cleared before each,
 * against the same command on an aggregate with a single prior event. Snapshots keep the first
 * close to the second: loading reads the latest snapshot plus the few events after it.
 */
export const coldLoadBenchmark: Benchmark = {
  name: 'cold-load',
  async run(ctx) {
    const database = ctx.database(4);
    // With the bank's upcasters, as createChronicle would: events are written at their current schema version.
    const store = new EventStore(tables<EventStoreTables>(database), { upcasters: bankEventUpcasters });
    const repository = new AggregateRepository(store);
    const router = new CommandRouter({ store, db: tables<EventStoreTables>(database), repository, middleware: [] });
    const identity = { identity: 'accountNumber', access: everyone } as const;
    router.register(accountAggregate, {
      OpenAccount: identity,
      Deposit: identity,
      Withdraw: identity,
      ApplyFee: identity,
      CloseAccount: identity,
      DebitForTransfer: identity,
      CreditForTransfer: identity,
      RefundTransfer: identity,
    });

    const run = crypto.randomUUID().slice(0, 8);
    const long = `COLD-${run}-LONG`;
    const short = `COLD-${run}-SHORT`;
    await seed(store, long, PRIOR_EVENTS);
    await seed(store, short, 1);

    // The first cold load of the long stream replays all of it (it was written without snapshots)
    // and snapshots it; report it separately, it happens once per stream.
    const first = await timed(() => router.dispatch({ type: 'Deposit', accountNumber: long, amount: 1 }));
    await router.dispatch({ type: 'Deposit', accountNumber: short, amount: 1 });

    const sample = async (accountNumber: string) => {
      repository.clear();
      return timed(() => router.dispatch({ type: 'Deposit', accountNumber, amount: 1 }));
    };
    const longTimes: number[] = [];
    const shortTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      // Interleaved, so both sides see the same background.
      longTimes.push(await sample(long));
      shortTimes.push(await sample(short));
    }
    const longMedian = median(longTimes);
    const shortMedian = median(shortTimes);
    printTable(
      `one command after clearing the cache (median of ${SAMPLES}); target ratio ≤ ${TARGET}`,
      ['aggregate', 'median ms', 'p90 ms', 'ratio'],
      [
        ['1 prior event', shortMedian, percentile(shortTimes, 0.9), '1.00'],
        [
          `${PRIOR_EVENTS.toLocaleString('en-US')} prior events`,
          longMedian,
          percentile(longTimes, 0.9),
          `${(longMedian / shortMedian).toFixed(2)} ${longMedian / shortMedian <= TARGET ? '✓' : `✗ (> ${TARGET})`}`,
        ],
        [`${PRIOR_EVENTS.toLocaleString('en-US')}, first load, no snapshot yet`, first, first, ratio(first, shortMedian)],
      ],
    );
  },
};

async function seed(store: EventStore, accountNumber: string, events: number): Promise<void> {
  const streamId = `account-${accountNumber}`;
  const history: AccountEvent[] = [{ type: 'AccountOpened', data: { accountNumber, holder: 'Bench' } }];
  for (let balanceAfter = 1; history.length < events; balanceAfter += 1) {
    history.push({ type: 'MoneyDeposited', data: { accountNumber, amount: 1, balanceAfter } });
  }
  for (let i = 0; i < history.length; i += 1_000) await store.append(streamId, history.slice(i, i + 1_000), i);
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}
