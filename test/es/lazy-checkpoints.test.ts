import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { LogConsumerOptions } from '../../src/es/runtime/log-consumer.js';
import { createTestDatabase } from '../support/test-database.js';
import { startChronicle, waitForRuntime } from './fixtures/app.js';
import { createLedgerTables, ledgerModule } from './fixtures/ledger.js';

/** Large enough that no timer stores a checkpoint during a test, unless the test asks for it. */
const NEVER = 3_600_000;

let app: Chronicle | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function start(options: LogConsumerOptions, logs: string[] = []): Promise<Chronicle> {
  const database = await createTestDatabase();
  await createLedgerTables(database.db);
  const sink = new Writable({ write: (chunk, _encoding, done) => (logs.push(String(chunk)), done()) });
  app = await startChronicle([ledgerModule({})], {
    database,
    logger: pino({ level: 'warn' }, sink),
    runtimeOptions: { backoffMs: 10, maxBackoffMs: 200, ...options },
  });
  return app;
}

const newId = () => crypto.randomUUID();

async function stored(chronicle: Chronicle): Promise<number> {
  const row = await chronicle.database.db.selectFrom('checkpoints').select('position').where('name', '=', 'ledger').executeTakeFirst();
  return Number(row?.position ?? 0);
}

async function inMemory(chronicle: Chronicle): Promise<number> {
  return (await chronicle.runtimes.status()).find((status) => status.name === 'ledger')!.checkpoint;
}

async function post(chronicle: Chronicle, ledgerId: string, amount: number): Promise<number> {
  const { position } = await chronicle.router.dispatch({ type: 'Post', ledgerId, amounts: [amount] });
  await waitForRuntime(chronicle, 'ledger', position!);
  return position!;
}

/** What the ledger projector has summed up for a ledger. */
async function totalsOf(chronicle: Chronicle, ledgerId: string) {
  return chronicle.database.db
    .selectFrom('test_ledger_totals')
    .select(['total', 'entries'])
    .where('ledger_id', '=', ledgerId)
    .executeTakeFirstOrThrow();
}

/** An event the ledger projector has no handler for. */
async function annotate(chronicle: Chronicle, ledgerId: string): Promise<number> {
  const { position } = await chronicle.router.dispatch({ type: 'Annotate', ledgerId, note: 'not projected' });
  await waitForRuntime(chronicle, 'ledger', position!);
  return position!;
}

describe('checkpoints of batches a runtime has nothing to do for', () => {
  it('move in memory at once, and are stored once enough events are unstored', async () => {
    const chronicle = await start({ unstoredEvents: 3, unstoredMs: NEVER, idleStoreMs: NEVER });
    const ledgerId = newId();
    const posted = await post(chronicle, ledgerId, 5);
    expect(await stored(chronicle)).toBe(posted);

    await annotate(chronicle, ledgerId);
    const second = await annotate(chronicle, ledgerId);
    expect(await inMemory(chronicle)).toBe(second);
    expect(await stored(chronicle)).toBe(posted);

    const third = await annotate(chronicle, ledgerId);
    expect(await stored(chronicle)).toBe(third);
  });

  it('are stored with the next batch that has work, from the stored checkpoint, with no fencing alarm', async () => {
    const logs: string[] = [];
    const chronicle = await start({ unstoredEvents: NEVER, unstoredMs: NEVER, idleStoreMs: NEVER }, logs);
    const ledgerId = newId();
    await post(chronicle, ledgerId, 5);
    await annotate(chronicle, ledgerId);
    const later = await post(chronicle, ledgerId, 7);
    expect(await stored(chronicle)).toBe(later);
    expect(logs.filter((line) => line.includes('checkpoint moved'))).toEqual([]);
  });

  it('wait without spinning for the feed to pass a checkpoint stored ahead of it, then go on from there', async () => {
    const chronicle = await start({});
    const ledgerId = newId();
    const posted = await post(chronicle, ledgerId, 5);
    await chronicle.runtimes.stop();
    // Another instance stored a checkpoint past what this process's feed has read.
    const ahead = posted + 3;
    await chronicle.database.db.updateTable('checkpoints').set({ position: ahead }).where('name', '=', 'ledger').execute();
    await chronicle.runtimes.start();
    // A runtime looping on its own resolved promises would starve the event loop: this would never run.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await inMemory(chronicle)).toBe(ahead);

    for (const amount of [1, 2, 3]) await post(chronicle, ledgerId, amount);
    const last = await post(chronicle, ledgerId, 9);
    expect(last).toBe(ahead + 1);
    const totals = await totalsOf(chronicle, ledgerId);
    // Only what follows the stored checkpoint is applied here: the other instance applied the rest.
    expect(totals).toEqual({ total: 14, entries: 2 });
  });

  it('are stored when the log stays quiet', async () => {
    const chronicle = await start({ unstoredEvents: NEVER, unstoredMs: NEVER, idleStoreMs: 20 });
    const note = await annotate(chronicle, newId());
    await vi.waitFor(async () => expect(await stored(chronicle)).toBe(note), { timeout: 5_000, interval: 10 });
  });

  it('are stored when the runtime stops', async () => {
    const chronicle = await start({ unstoredEvents: NEVER, unstoredMs: NEVER, idleStoreMs: NEVER });
    const note = await annotate(chronicle, newId());
    expect(await stored(chronicle)).toBeLessThan(note);
    await chronicle.runtimes.stop();
    expect(await stored(chronicle)).toBe(note);
  });

  it('are still fenced: a checkpoint another instance moved meanwhile stops the batch and is reloaded', async () => {
    const logs: string[] = [];
    const chronicle = await start({ unstoredEvents: NEVER, unstoredMs: NEVER, idleStoreMs: NEVER }, logs);
    const ledgerId = newId();
    await post(chronicle, ledgerId, 5);
    const note = await annotate(chronicle, ledgerId);
    // Another instance (briefly also leading) processed through the annotation and stored it.
    await chronicle.database.db.updateTable('checkpoints').set({ position: note }).where('name', '=', 'ledger').execute();
    await post(chronicle, ledgerId, 7);
    expect(logs.filter((line) => line.includes('checkpoint moved'))).toHaveLength(1);
    const totals = await totalsOf(chronicle, ledgerId);
    expect(totals).toEqual({ total: 12, entries: 2 });
  });
});
