import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { DomainModule } from '../../src/app/domain-module.js';
import { deterministicId, eventIdFor } from '../../src/es/deterministic-id.js';
import type { RecordedEvent } from '../../src/es/recorded-event.js';
import { defineEventHandler } from '../../src/es/runtime/event-handler.js';
import { defineProcessManager } from '../../src/es/runtime/process-manager.js';
import { signal, startChronicle, waitForRuntime } from './fixtures/app.js';
import { probeModule } from './fixtures/probe.js';
import { transfersModule } from './fixtures/transfers.js';

/** What each handler under test does; the tests flip these. */
const control = {
  flaky: { failuresLeft: new Map<string, number>(), attempts: [] as number[] },
  doomed: { fixed: false, attempts: new Map<number, number>(), handled: [] as number[] },
  stopper: { fixed: false, attempts: 0, failedTwice: signal(), handled: [] as number[] },
  patient: { fixed: false, failed: signal(), handled: [] as number[] },
};

const handlersModule: DomainModule = {
  name: 'test-handlers',
  register({ runtimes }) {
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'flaky',
        errorPolicy: { retries: 3, backoffMs: 20 },
        handlers: {
          async FlakyHappened(event: RecordedEvent) {
            control.flaky.attempts.push(performance.now());
            const left = control.flaky.failuresLeft.get(event.eventId) ?? 0;
            if (left > 0) {
              control.flaky.failuresLeft.set(event.eventId, left - 1);
              throw new Error('flaky');
            }
          },
        },
      }),
    );
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'doomed',
        errorPolicy: { retries: 2, backoffMs: 5, onExhausted: 'dead-letter' },
        handlers: {
          async DoomHappened(event: RecordedEvent) {
            const { attempts } = control.doomed;
            attempts.set(event.position, (attempts.get(event.position) ?? 0) + 1);
            if ((event.data as { fail: boolean }).fail && !control.doomed.fixed) throw new Error(`doom at ${event.position}`);
            control.doomed.handled.push(event.position);
          },
        },
      }),
    );
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'stopper',
        errorPolicy: { retries: 1, backoffMs: 5, onExhausted: 'stop' },
        handlers: {
          async StopHappened(event: RecordedEvent) {
            if ((event.data as { fail: boolean }).fail && !control.stopper.fixed) {
              control.stopper.attempts += 1;
              if (control.stopper.attempts === 4) control.stopper.failedTwice.resolve();
              throw new Error('stopper cannot');
            }
            control.stopper.handled.push(event.position);
          },
        },
      }),
    );
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'patient',
        errorPolicy: { retries: 3, backoffMs: 60_000, onExhausted: 'dead-letter' },
        handlers: {
          async PatientHappened(event: RecordedEvent) {
            if (!control.patient.fixed) {
              control.patient.failed.resolve();
              throw new Error('not yet');
            }
            control.patient.handled.push(event.position);
          },
        },
      }),
    );
    runtimes.addEventHandler(
      defineEventHandler({
        name: 'ponger',
        handlers: {
          async PingHappened(event: RecordedEvent, context) {
            const { replyTo } = event.data as { replyTo: string };
            await context.dispatch({ type: 'Emit', probeId: replyTo, eventType: 'PongHappened', data: { to: event.eventId } });
          },
        },
      }),
    );
  },
};

/** Withdraws from several wallets at once; each refusal is compensated by recording it on a probe. */
const sweeps = defineProcessManager<null, { type: 'SweepRequested'; data: { sweepId: string; wallets: string[] } }>({
  name: 'sweeps',
  initialState: null,
  interestedIn: (event) => (event.type === 'SweepRequested' ? { stop: event.data.sweepId } : undefined),
  handle: (_state, event) => event.data.wallets.map((walletId) => ({ type: 'Withdraw', walletId, amount: 1 })),
  apply: (state) => state,
  onError: (error, command) => [
    {
      type: 'Emit',
      probeId: `refusals-${(command as unknown as { walletId: string }).walletId}`,
      eventType: 'SweepRefused',
      data: { code: error.code },
    },
  ],
});

const sweepsModule: DomainModule = { name: 'sweeps', register: ({ runtimes }) => void runtimes.addProcessManager(sweeps) };

let app: Chronicle;

beforeAll(async () => {
  app = await startChronicle([probeModule, transfersModule, handlersModule, sweepsModule]);
});
afterAll(() => app?.stop());

const newId = () => crypto.randomUUID();

function emit(eventType: string, data: Record<string, unknown> = {}, options: { correlationId?: string; actor?: string } = {}) {
  return app.router.dispatch({ type: 'Emit', probeId: newId(), eventType, data }, options);
}

async function checkpointOf(name: string): Promise<number> {
  const row = await app.database.db.selectFrom('checkpoints').select('position').where('name', '=', name).executeTakeFirst();
  return (row?.position as number | undefined) ?? 0;
}

async function statusOf(name: string) {
  return (await app.runtimes.status()).find((status) => status.name === name)!;
}

/** Each delay between consecutive attempts, in ms. */
function gaps(times: number[]): number[] {
  return times.slice(1).map((time, index) => time - times[index]!);
}

describe('event handlers', () => {
  it('retries a failing event with growing backoff until it succeeds', async () => {
    control.flaky.attempts = [];
    const commandId = newId();
    control.flaky.failuresLeft.set(eventIdFor(commandId, 0), 2);
    const result = await app.router.dispatch({ type: 'Emit', probeId: newId(), eventType: 'FlakyHappened', data: {} }, { commandId });
    await waitForRuntime(app, 'flaky', result.position!);

    expect(control.flaky.attempts).toHaveLength(3);
    const [first, second] = gaps(control.flaky.attempts);
    expect(first).toBeGreaterThanOrEqual(20 - 2);
    expect(second).toBeGreaterThanOrEqual(40 - 2);
    expect(await app.runtimes.deadLetters('flaky')).toEqual([]);
  });

  it('dead-letters an event that keeps failing, with its error and attempts, and goes on with the next one', async () => {
    const bad = await emit('DoomHappened', { fail: true });
    const good = await emit('DoomHappened', { fail: false });
    await waitForRuntime(app, 'doomed', good.position!);

    expect(control.doomed.attempts.get(bad.position!)).toBe(3);
    expect(control.doomed.handled).toEqual([good.position]);
    const [letter, ...others] = await app.runtimes.deadLetters('doomed');
    expect(others).toEqual([]);
    const [badEvent] = await app.store.readStream(bad.streamId);
    expect(letter).toMatchObject({
      handler: 'doomed',
      position: bad.position,
      eventId: badEvent!.eventId,
      eventType: 'DoomHappened',
      error: `doom at ${bad.position}`,
      attempts: 3,
    });
    expect(await checkpointOf('doomed')).toBeGreaterThanOrEqual(good.position!);

    // A retry that fails again leaves it on the list; once the fault is fixed, a retry runs it and takes it off.
    await expect(app.runtimes.retryDeadLetter(letter!.id)).rejects.toThrow(`doom at ${bad.position}`);
    expect(await app.runtimes.deadLetters('doomed')).toHaveLength(1);
    control.doomed.fixed = true;
    await app.runtimes.retryDeadLetter(letter!.id);
    expect(control.doomed.handled).toEqual([good.position, bad.position]);
    expect(await app.runtimes.deadLetters('doomed')).toEqual([]);
    const row = await app.database.db.selectFrom('dead_letters').select('retried_at').where('id', '=', letter!.id).executeTakeFirst();
    expect(row?.retried_at).toBeInstanceOf(Date);
  });

  it("holds the checkpoint at the failing event under the 'stop' policy, and goes on from there once it is fixed", async () => {
    const before = await checkpointOf('stopper');
    const bad = await emit('StopHappened', { fail: true });
    const after = await emit('StopHappened', { fail: false });

    // Two rounds of (1 + 1 retry) attempts: the runtime came back to the same event rather than moving on.
    await control.stopper.failedTwice.promise;
    expect(control.stopper.handled).toEqual([]);
    const checkpoint = await checkpointOf('stopper');
    expect(checkpoint).toBeGreaterThanOrEqual(before);
    expect(checkpoint).toBeLessThan(bad.position!);
    const status = await statusOf('stopper');
    expect(status.checkpoint).toBeLessThan(bad.position!);
    expect(status.error).toContain(`stopper stopped at event ${bad.position}`);
    expect(await app.runtimes.deadLetters('stopper')).toEqual([]);

    control.stopper.fixed = true;
    await waitForRuntime(app, 'stopper', after.position!);
    expect(control.stopper.handled).toEqual([bad.position, after.position]);
  });

  it('dispatches commands caused by the event: its correlation, the event as causation, the handler as a system actor, an id derived from it', async () => {
    const replyTo = newId();
    const ping = await emit('PingHappened', { replyTo }, { correlationId: 'corr-ping', actor: 'bob' });
    await app.runtimes.settle();
    const [pingEvent] = await app.store.readStream(ping.streamId);
    const [pong] = await app.store.readStream(`probe-${replyTo}`);
    const commandId = deterministicId('ponger', pingEvent!.eventId, '', 0);
    expect(pong).toMatchObject({
      type: 'PongHappened',
      eventId: eventIdFor(commandId, 0),
      data: { to: pingEvent!.eventId },
      metadata: { correlationId: 'corr-ping', causationId: pingEvent!.eventId, actor: 'system:ponger', actorRoles: ['system'], commandId },
    });
  });

  it('stopping during a backoff abandons the event without dead-lettering it or moving past it', async () => {
    const event = await emit('PatientHappened');
    await control.patient.failed.promise;
    // The handler waits a minute before its next attempt; stopping must not cut that short into giving up.
    await app.runtimes.stop();
    expect(await app.runtimes.deadLetters('patient')).toEqual([]);
    expect(await checkpointOf('patient')).toBeLessThan(event.position!);

    control.patient.fixed = true;
    await app.runtimes.start();
    await waitForRuntime(app, 'patient', event.position!);
    expect(control.patient.handled).toEqual([event.position]);
    expect(await app.runtimes.deadLetters('patient')).toEqual([]);
  });

  it('still backs off between retries after the runtimes were stopped and started again', async () => {
    await app.runtimes.stop();
    await app.runtimes.start();
    control.flaky.attempts = [];
    const commandId = newId();
    control.flaky.failuresLeft.set(eventIdFor(commandId, 0), 2);
    const result = await app.router.dispatch({ type: 'Emit', probeId: newId(), eventType: 'FlakyHappened', data: {} }, { commandId });
    await waitForRuntime(app, 'flaky', result.position!);
    expect(control.flaky.attempts).toHaveLength(3);
    const [first, second] = gaps(control.flaky.attempts);
    expect(first).toBeGreaterThanOrEqual(20 - 2);
    expect(second).toBeGreaterThanOrEqual(40 - 2);
  });
});

describe('process managers', () => {
  async function instanceState(transferId: string): Promise<unknown> {
    const row = await app.database.db
      .selectFrom('process_instances')
      .select('state')
      .where('manager', '=', 'transfers')
      .where('instance_id', '=', transferId)
      .executeTakeFirst();
    return row?.state;
  }

  async function balance(walletId: string): Promise<number> {
    const events = await app.store.readStream(`wallet-${walletId}`);
    return events.reduce((sum, event) => sum + (event.type === 'Deposited' ? 1 : -1) * (event.data as { amount: number }).amount, 0);
  }

  it('runs a transfer: keeps its state between events, dispatches each step caused by the last, and forgets it when done', async () => {
    const [from, to, transferId] = [newId(), newId(), newId()];
    await app.router.dispatch({ type: 'Deposit', walletId: from, amount: 100 });
    const requested = await app.router.dispatch(
      { type: 'RequestTransfer', transferId, from, to, amount: 30 },
      { correlationId: `corr-${transferId}`, actor: 'carol' },
    );
    await waitForRuntime(app, 'transfers', requested.position!);
    expect(await instanceState(transferId)).toEqual({ transferId, from, to, amount: 30, step: 'awaiting-approval' });

    await app.router.dispatch({ type: 'ApproveTransfer', transferId }, { correlationId: `corr-${transferId}`, actor: 'carol' });
    await app.runtimes.settle();

    const chain = await app.store.readByCorrelation(`corr-${transferId}`);
    expect(chain.map((event) => event.type)).toEqual([
      'TransferRequested',
      'TransferApproved',
      'Withdrawn',
      'Deposited',
      'TransferCompleted',
    ]);
    for (let i = 2; i < chain.length; i++) {
      const [cause, effect] = [chain[i - 1]!, chain[i]!];
      const commandId = deterministicId('transfers', cause.eventId, '', 0);
      expect(effect.metadata).toMatchObject({
        causationId: cause.eventId,
        correlationId: `corr-${transferId}`,
        actor: 'system:transfers',
        commandId,
      });
      expect(effect.eventId).toBe(eventIdFor(commandId, 0));
    }
    expect(await balance(from)).toBe(70);
    expect(await balance(to)).toBe(30);
    expect(await instanceState(transferId)).toBeUndefined();
  });

  it('dispatches the compensation onError returns when a domain rule refuses a command', async () => {
    const [from, to, transferId] = [newId(), newId(), newId()];
    await app.router.dispatch({ type: 'Deposit', walletId: from, amount: 10 });
    await app.router.dispatch({ type: 'RequestTransfer', transferId, from, to, amount: 50 }, { correlationId: `corr-${transferId}` });
    await app.router.dispatch({ type: 'ApproveTransfer', transferId }, { correlationId: `corr-${transferId}` });
    await app.runtimes.settle();

    const chain = await app.store.readByCorrelation(`corr-${transferId}`);
    expect(chain.map((event) => event.type)).toEqual(['TransferRequested', 'TransferApproved', 'TransferFailed']);
    const [, approved, failed] = chain;
    const commandId = deterministicId('transfers', approved!.eventId, 'compensate:Withdraw', 0);
    expect(failed).toMatchObject({
      data: { transferId, reason: 'INSUFFICIENT_FUNDS' },
      eventId: eventIdFor(commandId, 0),
      metadata: { causationId: approved!.eventId, commandId },
    });
    expect(await balance(from)).toBe(10);
    expect(await app.store.streamVersion(`wallet-${to}`)).toBe(0);
    expect(await instanceState(transferId)).toBeUndefined();
    expect(await app.runtimes.deadLetters('transfers')).toEqual([]);
  });

  it('gives each of several refused commands of one type its own compensation', async () => {
    const wallets = [newId(), newId()];
    const sweep = await emit('SweepRequested', { sweepId: newId(), wallets });
    await waitForRuntime(app, 'sweeps', sweep.position!);
    for (const walletId of wallets) {
      const refusals = await app.store.readStream(`probe-refusals-${walletId}`);
      expect(refusals.map((event) => [event.type, event.data])).toEqual([['SweepRefused', { code: 'INSUFFICIENT_FUNDS' }]]);
    }
    expect(await app.runtimes.deadLetters('sweeps')).toEqual([]);
  });

  it('dispatches nothing new when the whole log is delivered to it again', async () => {
    await app.runtimes.settle();
    const head = await app.store.head();

    const dispatch = vi.spyOn(app.router, 'dispatch');
    try {
      await app.runtimes.stop();
      await app.database.db.updateTable('checkpoints').set({ position: 0 }).where('name', '=', 'transfers').execute();
      await app.runtimes.start();
      await app.runtimes.settle();

      // The manager did run again: it re-sent its commands, with the ids they had the first time...
      const resent = dispatch.mock.calls.map(([command, options]) => ({ type: command.type, commandId: options?.commandId }));
      expect(resent.map((call) => call.type).sort()).toEqual(['CompleteTransfer', 'Deposit', 'FailTransfer', 'Withdraw', 'Withdraw']);
      const stored = await Promise.all(resent.map(({ commandId }) => app.store.readEvent(eventIdFor(commandId!, 0))));
      expect(stored.filter((event) => event !== undefined)).toHaveLength(4); // all but the refused withdrawal
      // ...and every one of them was recognised: the log did not grow.
      expect(await app.store.head()).toBe(head);
      expect((await statusOf('transfers')).checkpoint).toBe(head);
      const instances = await app.database.db
        .selectFrom('process_instances')
        .select('instance_id')
        .where('manager', '=', 'transfers')
        .execute();
      expect(instances).toEqual([]);
    } finally {
      dispatch.mockRestore();
    }
  });
});
