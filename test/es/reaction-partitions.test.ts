import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { DomainModule } from '../../src/app/domain-module.js';
import type { RecordedEvent } from '../../src/es/recorded-event.js';
import { defineEventHandler } from '../../src/es/runtime/event-handler.js';
import { defineProcessManager } from '../../src/es/runtime/process-manager.js';
import { signal, startChronicle, waitForRuntime } from './fixtures/app.js';
import { probeModule } from './fixtures/probe.js';

type Signal = ReturnType<typeof signal<void>>;
type Data = { key: string; n?: number };

/**
 * Counts an instance's ticks: each tick dispatches what it saw (the count so far) to a probe
 * stream of its own, so the stream shows the order and the state each event saw.
 */
const tally = defineProcessManager<{ count: number }, { type: 'Tick' | 'Done'; data: Data }>({
  name: 'tally',
  initialState: { count: 0 },
  interestedIn: (event) =>
    event.type === 'Tick' ? { continue: event.data.key } : event.type === 'Done' ? { stop: event.data.key } : undefined,
  handle: (state, event) => [
    { type: 'Emit', probeId: `seen-${event.data.key}`, eventType: 'Seen', data: { count: state.count, n: event.data.n } },
  ],
  apply: (state) => ({ count: state.count + 1 }),
});

/** Passes each gate once; the test holds its dispatches (see `gate`). At most two at a time. */
const gates = defineProcessManager<null, { type: 'GateOpened'; data: Data }>({
  name: 'gates',
  initialState: null,
  concurrency: 2,
  errorPolicy: { retries: 0, onExhausted: 'dead-letter' },
  interestedIn: (event) => (event.type === 'GateOpened' ? { stop: event.data.key } : undefined),
  handle: (_state, event) => [{ type: 'Emit', probeId: `passed-${event.data.key}`, eventType: 'Passed', data: {} }],
  apply: (state) => state,
});

/** What each handler under test does; the tests set these up. */
const control = {
  streams: { log: [] as string[], gate: new Map<string, Signal>() },
  serial: { running: 0, most: 0 },
  letters: { badFailed: signal(), slowStarted: signal(), release: signal() },
  halts: { fixed: false, failures: 0, failedTwice: signal(), handled: [] as number[] },
};

const handlersModule: DomainModule = {
  name: 'partition-handlers',
  register({ runtimes }) {
    runtimes.addProcessManager(tally);
    runtimes.addProcessManager(gates);
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'by-stream',
        partitionBy: (event) => event.streamId,
        handlers: {
          async Step(event: RecordedEvent) {
            const { key, n } = event.data as Data;
            control.streams.log.push(`start ${key}${n}`);
            await control.streams.gate.get(`${key}${n}`)?.promise;
            control.streams.log.push(`end ${key}${n}`);
          },
        },
      }),
    );
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'serial',
        handlers: {
          async Chore() {
            control.serial.running += 1;
            control.serial.most = Math.max(control.serial.most, control.serial.running);
            await new Promise((resolve) => setImmediate(resolve));
            control.serial.running -= 1;
          },
        },
      }),
    );
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'letters',
        partitionBy: (event) => event.streamId,
        errorPolicy: { retries: 0, onExhausted: 'dead-letter' },
        handlers: {
          async Letter(event: RecordedEvent) {
            if ((event.data as Data).key === 'bad') {
              control.letters.badFailed.resolve();
              throw new Error('cannot');
            }
            control.letters.slowStarted.resolve();
            await control.letters.release.promise;
          },
        },
      }),
    );
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'halts',
        partitionBy: (event) => event.streamId,
        errorPolicy: { retries: 0, onExhausted: 'stop' },
        handlers: {
          async Halt(event: RecordedEvent) {
            if ((event.data as Data).key === 'bad' && !control.halts.fixed) {
              control.halts.failures += 1;
              if (control.halts.failures === 2) control.halts.failedTwice.resolve();
              throw new Error('halts here');
            }
            control.halts.handled.push(event.position);
          },
        },
      }),
    );
  },
};

let app: Chronicle;
beforeAll(async () => {
  app = await startChronicle([probeModule, handlersModule]);
});
afterAll(() => app?.stop());

const newId = () => crypto.randomUUID();

async function emit(probeId: string, eventType: string, data: Data): Promise<number> {
  const { position } = await app.router.dispatch({ type: 'Emit', probeId, eventType, data });
  return position!;
}

/** Appends events while the runtimes are stopped, so that they come back as one batch. */
async function asOneBatch<T>(append: () => Promise<T>): Promise<T> {
  await app.runtimes.stop();
  try {
    return await append();
  } finally {
    await app.runtimes.start();
  }
}

async function storedCheckpoint(name: string): Promise<number> {
  const row = await app.database.db.selectFrom('checkpoints').select('position').where('name', '=', name).executeTakeFirst();
  return Number(row?.position ?? 0);
}

/** Waits for `promise`, failing the test (rather than hanging it) when what it waits for never happens. */
async function expectSoon<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`never happened: ${what}`)), 10_000)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('process managers, a batch at a time', () => {
  it('handle the events of one instance in log order, each seeing the state the one before evolved, and store the last', async () => {
    const [a, b, c] = [newId(), newId(), newId()];
    const last = await asOneBatch(async () => {
      let position = 0;
      for (let n = 1; n <= 3; n++) {
        await emit(newId(), 'Tick', { key: a, n });
        await emit(newId(), 'Tick', { key: b, n });
        position = await emit(newId(), n < 3 ? 'Tick' : 'Done', { key: c, n });
      }
      return position;
    });
    await waitForRuntime(app, 'tally', last);

    const seen = async (key: string) => (await app.store.readStream(`probe-seen-${key}`)).map((event) => event.data);
    const state = async (key: string) =>
      (
        await app.database.db
          .selectFrom('process_instances')
          .select('state')
          .where('manager', '=', 'tally')
          .where('instance_id', '=', key)
          .executeTakeFirst()
      )?.state;
    for (const key of [a, b]) {
      expect(await seen(key)).toEqual([
        { count: 0, n: 1 },
        { count: 1, n: 2 },
        { count: 2, n: 3 },
      ]);
      expect(await state(key)).toEqual({ count: 3 });
    }
    // Started and stopped within the batch: its state was never stored.
    expect(await seen(c)).toEqual([
      { count: 0, n: 1 },
      { count: 1, n: 2 },
      { count: 2, n: 3 },
    ]);
    expect(await state(c)).toBeUndefined();
    expect(await storedCheckpoint('tally')).toBeGreaterThanOrEqual(last);

    // A later batch goes on from the stored state, and stopping deletes it.
    await emit(newId(), 'Tick', { key: a, n: 4 });
    const done = await emit(newId(), 'Done', { key: b, n: 4 });
    await waitForRuntime(app, 'tally', done);
    expect((await seen(a)).at(-1)).toEqual({ count: 3, n: 4 });
    expect(await state(a)).toEqual({ count: 4 });
    expect((await seen(b)).at(-1)).toEqual({ count: 3, n: 4 });
    expect(await state(b)).toBeUndefined();
  });

  it('handle independent instances at once, as many as their concurrency allows', async () => {
    const keys = [newId(), newId(), newId()];
    const started = new Map(keys.map((key) => [`passed-${key}`, signal()]));
    const order: string[] = [];
    const release = signal();
    const original = app.router.dispatch.bind(app.router);
    const dispatch = vi.spyOn(app.router, 'dispatch').mockImplementation(async (command, options) => {
      const probeId = (command as unknown as { probeId?: string }).probeId ?? '';
      const gate = started.get(probeId);
      if (gate) {
        order.push(probeId);
        gate.resolve();
        await release.promise;
      }
      return original(command, options);
    });
    try {
      const last = await asOneBatch(async () => {
        let position = 0;
        for (const key of keys) position = await emit(newId(), 'GateOpened', { key });
        return position;
      });
      // The first instance's command is held until the test releases it: the second must start meanwhile.
      await expectSoon(
        Promise.all([started.get(`passed-${keys[0]}`)!.promise, started.get(`passed-${keys[1]}`)!.promise]),
        'two instances at once',
      );
      // Both slots are taken, so the third waits for one of them.
      expect(order).toEqual([`passed-${keys[0]}`, `passed-${keys[1]}`]);
      release.resolve();
      await waitForRuntime(app, 'gates', last);
      expect(order).toEqual(keys.map((key) => `passed-${key}`));
      for (const key of keys) expect(await app.store.streamVersion(`probe-passed-${key}`)).toBe(1);
      expect(await app.runtimes.deadLetters('gates')).toEqual([]);
    } finally {
      release.resolve();
      dispatch.mockRestore();
    }
  });
});

describe('event handlers, a batch at a time', () => {
  it('with a partition function, handle different partitions at once and one partition in log order', async () => {
    const [x, y] = [newId(), newId()];
    control.streams.log = [];
    const xFirst = signal();
    const yFirst = signal();
    control.streams.gate = new Map([
      [`${x}1`, xFirst],
      [`${y}1`, yFirst],
    ]);
    const last = await asOneBatch(async () => {
      await emit(x, 'Step', { key: x, n: 1 });
      await emit(y, 'Step', { key: y, n: 1 });
      return emit(x, 'Step', { key: x, n: 2 });
    });
    try {
      // x1 is held: y1 starts anyway, x2 does not.
      await vi.waitFor(() => expect(control.streams.log).toEqual([`start ${x}1`, `start ${y}1`]), { timeout: 10_000, interval: 5 });
      yFirst.resolve();
      await vi.waitFor(() => expect(control.streams.log).toContain(`end ${y}1`), { timeout: 10_000, interval: 5 });
      expect(control.streams.log).not.toContain(`start ${x}2`);
      xFirst.resolve();
      await waitForRuntime(app, 'by-stream', last);
      expect(control.streams.log).toEqual([`start ${x}1`, `start ${y}1`, `end ${y}1`, `end ${x}1`, `start ${x}2`, `end ${x}2`]);
    } finally {
      // A failure must not leave the handler held for the tests after this one.
      xFirst.resolve();
      yFirst.resolve();
    }
  });

  it('without one, handle one event at a time', async () => {
    control.serial.most = 0;
    const last = await asOneBatch(async () => {
      let position = 0;
      for (let n = 0; n < 4; n++) position = await emit(newId(), 'Chore', { key: 'any' });
      return position;
    });
    await waitForRuntime(app, 'serial', last);
    expect(control.serial.most).toBe(1);
  });

  it('dead-letter an event that keeps failing with the batch, and go on with the rest', async () => {
    const [bad, slow] = await asOneBatch(async () => [
      await emit(newId(), 'Letter', { key: 'bad' }),
      await emit(newId(), 'Letter', { key: 'slow' }),
    ]);
    await Promise.all([control.letters.badFailed.promise, control.letters.slowStarted.promise]);
    // The bad event has given up (no retries) and the other is still running: the dead letter waits for the batch's commit.
    expect(await app.runtimes.deadLetters('letters')).toEqual([]);
    expect(await storedCheckpoint('letters')).toBeLessThan(bad);

    control.letters.release.resolve();
    await waitForRuntime(app, 'letters', slow);
    expect(await app.runtimes.deadLetters('letters')).toMatchObject([{ handler: 'letters', position: bad, error: 'cannot', attempts: 1 }]);
    expect(await storedCheckpoint('letters')).toBeGreaterThanOrEqual(slow);
  });

  it("under the 'stop' policy, commit what came before the failing event and hold the checkpoint there", async () => {
    const [before, bad, after] = await asOneBatch(async () => [
      await emit(newId(), 'Halt', { key: 'ok' }),
      await emit(newId(), 'Halt', { key: 'bad' }),
      await emit(newId(), 'Halt', { key: 'ok' }),
    ]);
    await expectSoon(control.halts.failedTwice.promise, 'the batch failed twice at the same event');
    const stored = await storedCheckpoint('halts');
    expect(stored).toBeGreaterThanOrEqual(before);
    expect(stored).toBeLessThan(bad);
    expect((await app.runtimes.status()).find((status) => status.name === 'halts')?.error).toContain(`halts stopped at event ${bad}`);
    expect(await app.runtimes.deadLetters('halts')).toEqual([]);

    control.halts.fixed = true;
    await waitForRuntime(app, 'halts', after);
    // What committed is not handled again; the rest is, at least once.
    expect(control.halts.handled.filter((position) => position === before)).toHaveLength(1);
    expect(control.halts.handled).toContain(bad);
    expect(control.halts.handled).toContain(after);
  });
});
