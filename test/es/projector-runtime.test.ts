import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import { UnknownRuntimeError } from '../../src/es/runtime/runtime-registry.js';
import { createTestDatabase } from '../support/test-database.js';
import { signal, startChronicle, waitForRuntime } from './fixtures/app.js';
import { type LedgerHooks, createLedgerTables, ledgerModule } from './fixtures/ledger.js';

const hooks: LedgerHooks = {};
let app: Chronicle;

beforeAll(async () => {
  const database = await createTestDatabase();
  await createLedgerTables(database.db);
  app = await startChronicle([ledgerModule(hooks)], { database });
});
afterEach(() => {
  delete hooks.afterPosted;
});
afterAll(() => app?.stop());

const newId = () => crypto.randomUUID();

async function logOf(ledgerId: string) {
  return app.database.db
    .selectFrom('test_ledger_log')
    .select(['position', 'amount'])
    .where('ledger_id', '=', ledgerId)
    .orderBy('position')
    .execute() as Promise<Array<{ position: number; amount: number }>>;
}

async function totalsOf(ledgerId: string) {
  return app.database.db
    .selectFrom('test_ledger_totals')
    .select(['total', 'entries'])
    .where('ledger_id', '=', ledgerId)
    .executeTakeFirst() as Promise<{ total: number; entries: number } | undefined>;
}

/** The stored checkpoint of the live version of the ledger's tables (a rebuild switches in another). */
async function storedCheckpoint(): Promise<number> {
  const live = (await app.runtimes.versions('ledger')).find((version) => version.status === 'live');
  return live?.position ?? 0;
}

/** Positions applied more than once, anywhere in the read table. */
async function appliedTwice(): Promise<number[]> {
  const rows = await app.database.db
    .selectFrom('test_ledger_log')
    .select('position')
    .groupBy('position')
    .having(sql`count(*)`, '>', 1)
    .execute();
  return rows.map((row) => row.position as number);
}

async function ledgerStatus() {
  return (await app.runtimes.status()).find((status) => status.name === 'ledger')!;
}

describe('projector runtime', () => {
  it('commits a batch and its checkpoint together: a fault mid-batch leaves neither, and the retry applies each event once', async () => {
    const ledgerId = newId();
    const before = await storedCheckpoint();
    const failures = [signal(), signal()];
    let failed = 0;
    let faulty = true;
    hooks.afterPosted = (event) => {
      if (faulty && event.data.amount === 13) {
        failures[Math.min(failed, 1)]!.resolve();
        failed += 1;
        throw new Error('ledger fault');
      }
    };

    // One command, one append: its four events reach the projector as one batch.
    const result = await app.router.dispatch({ type: 'Post', ledgerId, amounts: [1, 2, 13, 4] });
    await failures[0]!.promise;
    expect(await logOf(ledgerId)).toEqual([]);
    expect(await totalsOf(ledgerId)).toBeUndefined();
    expect(await storedCheckpoint()).toBe(before);

    // The runtime retries the same batch from the same checkpoint, and says why it is failing.
    await failures[1]!.promise;
    expect(await logOf(ledgerId)).toEqual([]);
    expect(await storedCheckpoint()).toBe(before);
    expect((await ledgerStatus()).error).toContain('ledger fault');

    faulty = false;
    await waitForRuntime(app, 'ledger', result.position!);
    expect((await logOf(ledgerId)).map((row) => row.amount)).toEqual([1, 2, 13, 4]);
    expect(await totalsOf(ledgerId)).toEqual({ total: 20, entries: 4 });
    expect(await appliedTwice()).toEqual([]);
    expect(await storedCheckpoint()).toBe(result.position);
    const status = await ledgerStatus();
    expect(status.error).toBeUndefined();
    expect(status.state).not.toBe('failed');
  });

  it('moves its checkpoint past event types it has no handler for', async () => {
    const ledgerId = newId();
    await app.router.dispatch({ type: 'Post', ledgerId, amounts: [5] });
    const note = await app.router.dispatch({ type: 'Annotate', ledgerId, note: 'ignored by the projector' });
    await waitForRuntime(app, 'ledger', note.position!);
    expect((await ledgerStatus()).checkpoint).toBe(note.position);
    expect(await totalsOf(ledgerId)).toEqual({ total: 5, entries: 1 });
    // Stored lazily (test/es/lazy-checkpoints.test.ts), and at the latest when the runtime stops.
    await app.runtimes.stop();
    expect(await storedCheckpoint()).toBe(note.position);
    await app.runtimes.start();
  });

  it('reports checkpoint, head and lag; after a stop it resumes from its checkpoint without applying anything twice', async () => {
    const ledgerId = newId();
    await app.router.dispatch({ type: 'Post', ledgerId, amounts: [1] });
    await app.runtimes.settle();
    const checkpoint = await storedCheckpoint();

    await app.runtimes.stop();
    const later = await app.router.dispatch({ type: 'Post', ledgerId, amounts: [10, 20] });
    const head = await app.store.head();
    expect(head).toBe(later.position);
    expect(await ledgerStatus()).toMatchObject({ kind: 'projector', state: 'stopped', checkpoint, head, lag: head - checkpoint });
    expect(await logOf(ledgerId)).toHaveLength(1);

    await app.runtimes.start();
    await app.runtimes.settle();
    expect((await logOf(ledgerId)).map((row) => row.amount)).toEqual([1, 10, 20]);
    expect(await totalsOf(ledgerId)).toEqual({ total: 31, entries: 3 });
    expect(await appliedTwice()).toEqual([]);
    const status = await ledgerStatus();
    expect(status).toMatchObject({ checkpoint: head, head, lag: 0 });
    expect(['live', 'catching-up']).toContain(status.state);
  });

  it('answers a strong dispatch only once the projection has its write', async () => {
    const ledgerId = newId();
    const entered = signal();
    const gate = signal();
    hooks.afterPosted = async (event) => {
      if (event.data.amount === 777) {
        entered.resolve();
        await gate.promise;
      }
    };
    let answered = false;
    const dispatch = app.router
      .dispatch({ type: 'Post', ledgerId, amounts: [777] }, { consistency: 'strong', projections: ['ledger'] })
      .finally(() => (answered = true));

    try {
      // The projector holds the write in its open transaction: the command must not have answered yet.
      await entered.promise;
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(answered).toBe(false);
    } finally {
      gate.resolve();
    }
    const result = await dispatch;
    expect(await logOf(ledgerId)).toEqual([{ position: result.position, amount: 777 }]);

    // Without naming projections, `strong` waits for all of them.
    const next = await app.router.dispatch({ type: 'Post', ledgerId, amounts: [1] }, { consistency: 'strong' });
    expect((await logOf(ledgerId)).at(-1)).toEqual({ position: next.position, amount: 1 });
  });

  it('rebuilds: replays the log into new tables, which replace the live ones with the same contents', async () => {
    await app.router.dispatch({ type: 'Post', ledgerId: newId(), amounts: [3, 4] });
    await app.runtimes.settle();
    const contents = async () => ({
      totals: await app.database.db.selectFrom('test_ledger_totals').selectAll().orderBy('ledger_id').execute(),
      log: await app.database.db.selectFrom('test_ledger_log').selectAll().orderBy('position').execute(),
    });
    const expected = await contents();
    expect(expected.log.length).toBeGreaterThan(5);

    // Damage the read side so only a real replay can restore it.
    await app.database.db.updateTable('test_ledger_totals').set({ total: -1 }).execute();
    await app.database.db.insertInto('test_ledger_log').values({ position: 999_999, ledger_id: 'junk', amount: 0 }).execute();

    await app.runtimes.rebuild('ledger');
    await app.runtimes.settle();
    expect(await contents()).toEqual(expected);
    expect(await storedCheckpoint()).toBe(await app.store.head());
    await expect(app.runtimes.rebuild('no-such-projector')).rejects.toBeInstanceOf(UnknownRuntimeError);
  });

  it('keeps a caller waiting for a position through a rebuild until the rebuilt projection has it', async () => {
    let failing = true;
    hooks.afterPosted = async () => {
      if (failing) throw new Error('injected fault');
    };
    const ledgerId = newId();
    const { position } = await app.router.dispatch({ type: 'Post', ledgerId, amounts: [42] });
    let answered = false;
    const waiting = app.runtimes.waitFor(position!, ['ledger']).then(() => (answered = true));

    await app.runtimes.rebuild('ledger');
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);

    failing = false;
    await waiting;
    expect(await logOf(ledgerId)).toEqual([{ position, amount: 42 }]);
  });

  it('a new instance on the same database resumes from the stored checkpoint', async () => {
    const ledgerId = newId();
    await app.router.dispatch({ type: 'Post', ledgerId, amounts: [2] });
    await app.runtimes.settle();
    const checkpoint = await storedCheckpoint();

    // The first instance goes away (its database stays open for the second).
    await app.runtimes.stop();
    await app.feed.stop();
    const second = await startChronicle([ledgerModule(hooks)], { database: app.database });
    app = second;

    const status = await ledgerStatus();
    expect(status.checkpoint).toBeGreaterThanOrEqual(checkpoint);
    const result = await app.router.dispatch({ type: 'Post', ledgerId, amounts: [8] });
    await waitForRuntime(app, 'ledger', result.position!);
    expect((await logOf(ledgerId)).map((row) => row.amount)).toEqual([2, 8]);
    expect(await appliedTwice()).toEqual([]);
  });
});
