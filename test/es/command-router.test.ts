import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import { tables } from '../../src/db/database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { AggregateRepository } from '../../src/es/aggregate-repository.js';
import type { ExecutionResult } from '../../src/es/command-context.js';
import { ConcurrencyConflictError, UnregisteredCommandError } from '../../src/es/command-errors.js';
import { CommandRouter } from '../../src/es/command-router.js';
import { eventIdFor } from '../../src/es/deterministic-id.js';
import { DomainError } from '../../src/es/domain-error.js';
import { DuplicateEventError } from '../../src/es/errors.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import { EventStore } from '../../src/es/event-store.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { startChronicle } from './fixtures/app.js';
import { CounterAlreadyOpen, CounterWouldGoNegative, counterModule, registerCounter } from './fixtures/counter.js';

let app: Chronicle;

beforeAll(async () => {
  app = await startChronicle([counterModule]);
});
afterAll(() => app?.stop());

const newId = () => crypto.randomUUID();

/** Another router over the same database with its own store, cache and lock, as a second process would have. */
function secondProcess(maxAttempts?: number) {
  const store = new EventStore(tables<EventStoreTables>(app.database));
  const router = new CommandRouter(store, new AggregateRepository(store), [], maxAttempts);
  registerCounter(router);
  return { store, router };
}

describe('dispatch', () => {
  it('refuses a command nobody registered, appending nothing', async () => {
    const head = await app.store.head();
    const attempt = app.router.dispatch({ type: 'Explode' });
    await expect(attempt).rejects.toBeInstanceOf(UnregisteredCommandError);
    await expect(attempt).rejects.toMatchObject({ commandType: 'Explode' });
    expect(await app.store.head()).toBe(head);
  });

  it('throws the domain error an aggregate returns and appends nothing', async () => {
    const counterId = newId();
    await app.router.dispatch({ type: 'OpenCounter', counterId });
    const head = await app.store.head();

    const again = app.router.dispatch({ type: 'OpenCounter', counterId });
    await expect(again).rejects.toBeInstanceOf(CounterAlreadyOpen);
    await expect(again).rejects.toMatchObject({ code: 'COUNTER_ALREADY_OPEN' });
    const below = app.router.dispatch({ type: 'Decrement', counterId, by: 1 });
    await expect(below).rejects.toBeInstanceOf(DomainError);
    await expect(below).rejects.toMatchObject({ code: CounterWouldGoNegative.code });

    expect(await app.store.head()).toBe(head);
    expect(await app.store.streamVersion(`counter-${counterId}`)).toBe(1);
  });

  it('answers with the aggregate, its new version, the events and the last position', async () => {
    const counterId = newId();
    await app.router.dispatch({ type: 'Increment', counterId, by: 10 });
    const result = await app.router.dispatch({ type: 'IncrementMany', counterId, times: 3 });

    const stored = await app.store.readStream(`counter-${counterId}`);
    expect(result).toEqual({
      aggregateId: counterId,
      streamId: `counter-${counterId}`,
      version: 4,
      events: [
        { type: 'Incremented', data: { by: 1, value: 11 } },
        { type: 'Incremented', data: { by: 1, value: 12 } },
        { type: 'Incremented', data: { by: 1, value: 13 } },
      ],
      position: stored.at(-1)!.position,
    });
    expect(stored.slice(1).map((event) => event.position)).toEqual([0, 1, 2].map((offset) => stored[1]!.position + offset));
  });

  it('answers a command that decides nothing with the unchanged version and no position', async () => {
    const counterId = newId();
    await app.router.dispatch({ type: 'IncrementMany', counterId, times: 2 });
    const head = await app.store.head();
    const result = await app.router.dispatch({ type: 'Touch', counterId });
    expect(result).toEqual({ aggregateId: counterId, streamId: `counter-${counterId}`, version: 2, events: [], position: undefined });
    expect(await app.store.head()).toBe(head);
  });

  it('records correlation, causation, the actor with its roles and the command id on every event, with ids derived from the command id', async () => {
    const counterId = newId();
    const commandId = newId();
    await app.router.dispatch(
      { type: 'IncrementMany', counterId, times: 2 },
      { commandId, correlationId: 'corr-1', causationId: 'cause-1', actor: { subject: 'alice', roles: ['admin'] } },
    );
    const events = await app.store.readStream(`counter-${counterId}`);
    expect(events.map((event) => event.eventId)).toEqual([eventIdFor(commandId, 0), eventIdFor(commandId, 1)]);
    for (const event of events) {
      expect(event.metadata).toMatchObject({ correlationId: 'corr-1', causationId: 'cause-1', actor: 'alice', actorRoles: ['admin'], commandId });
    }

    await app.router.dispatch({ type: 'Increment', counterId, by: 1 });
    const [last] = await app.store.readStream(`counter-${counterId}`, { direction: 'backward', limit: 1 });
    // Without options, a command starts its own correlation: correlation and causation are its (random) id.
    expect(last!.metadata.commandId).toEqual(expect.any(String));
    expect(last!.metadata.correlationId).toBe(last!.metadata.commandId);
    expect(last!.metadata.causationId).toBe(last!.metadata.commandId);
    expect(last!.metadata.actor).toBeUndefined();
    expect(last!.metadata.actorRoles).toBeUndefined();
  });
});

describe('idempotent dispatch', () => {
  it('answers a repeated command id with its first refusal, even once the command would succeed', async () => {
    const counterId = newId();
    const commandId = newId();
    await app.router.dispatch({ type: 'OpenCounter', counterId });
    const decrement = { type: 'Decrement', counterId, by: 3 } as const;
    await expect(app.router.dispatch(decrement, { commandId })).rejects.toMatchObject({ code: 'COUNTER_WOULD_GO_NEGATIVE' });
    await app.router.dispatch({ type: 'Increment', counterId, by: 10 });
    const head = await app.store.head();

    await expect(app.router.dispatch(decrement, { commandId })).rejects.toMatchObject({ code: 'COUNTER_WOULD_GO_NEGATIVE' });
    expect(await app.store.head()).toBe(head);
    // Without a stable id the same command is decided afresh.
    await expect(app.router.dispatch(decrement)).resolves.toMatchObject({ version: 3 });
  });

  it('returns the first result for a repeated command id and appends nothing, even when re-executing would differ', async () => {
    const counterId = newId();
    const commandId = newId();
    const first = await app.router.dispatch({ type: 'Increment', counterId, by: 5 }, { commandId });
    await app.router.dispatch({ type: 'Increment', counterId, by: 1 });
    const head = await app.store.head();

    const repeated = await app.router.dispatch({ type: 'Increment', counterId, by: 5 }, { commandId });
    expect(repeated).toEqual(first);
    expect(repeated.events).toEqual([{ type: 'Incremented', data: { by: 5, value: 5 } }]);
    expect(await app.store.head()).toBe(head);
    expect(await app.store.streamVersion(`counter-${counterId}`)).toBe(2);
  });

  it('returns the first result of a multi-event command, and answers a repeat that would now be refused', async () => {
    const counterId = newId();
    const open = newId();
    const many = newId();
    const opened = await app.router.dispatch({ type: 'OpenCounter', counterId }, { commandId: open });
    const first = await app.router.dispatch({ type: 'IncrementMany', counterId, times: 3 }, { commandId: many });
    await app.router.dispatch({ type: 'Increment', counterId, by: 7 });
    const head = await app.store.head();

    // Re-executed, OpenCounter would now be refused: the repeat must answer the first result instead.
    await expect(app.router.dispatch({ type: 'OpenCounter', counterId }, { commandId: open })).resolves.toEqual(opened);
    await expect(app.router.dispatch({ type: 'IncrementMany', counterId, times: 3 }, { commandId: many })).resolves.toEqual(first);
    expect(first.version).toBe(4);
    expect(first.events).toHaveLength(3);
    expect(await app.store.head()).toBe(head);
  });

  it('is idempotent across a cold cache and with repeats in flight at once', async () => {
    const counterId = newId();
    const commandId = newId();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => app.router.dispatch({ type: 'Increment', counterId, by: 2 }, { commandId })),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    app.repository.clear();
    await expect(app.router.dispatch({ type: 'Increment', counterId, by: 2 }, { commandId })).resolves.toEqual(results[0]);
    expect(await app.store.streamVersion(`counter-${counterId}`)).toBe(1);
  });

  it('refuses a command id reused for another aggregate instead of answering with the other stream', async () => {
    const commandId = newId();
    const a = newId();
    const b = newId();
    await app.router.dispatch({ type: 'Increment', counterId: a, by: 1 }, { commandId });
    await expect(app.router.dispatch({ type: 'Increment', counterId: b, by: 1 }, { commandId })).rejects.toBeInstanceOf(
      DuplicateEventError,
    );
    expect(await app.store.streamVersion(`counter-${b}`)).toBe(0);
  });
});

describe('concurrency', () => {
  it('runs 50 concurrent commands to one aggregate one after another: all succeed, contiguous versions, no retry', async () => {
    const counterId = newId();
    const append = vi.spyOn(app.store, 'append');
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, () => app.router.dispatch<{ type: 'Incremented'; data: { by: number; value: number } }>({ type: 'Increment', counterId, by: 1 })),
      );
      expect(results.map((result) => result.version).sort((x, y) => x - y)).toEqual(range(1, 50));
      // Each decision saw the state its predecessor left: the value it computed is its version.
      for (const result of results) expect(result.events[0]!.data.value).toBe(result.version);
      const streamAppends = append.mock.calls.filter(([streamId]) => streamId === `counter-${counterId}`);
      expect(streamAppends).toHaveLength(50);
    } finally {
      append.mockRestore();
    }
    const events = await app.store.readStream(`counter-${counterId}`);
    expect(events.map((event) => event.version)).toEqual(range(1, 50));
    expect(events.map((event) => (event.data as { value: number }).value)).toEqual(range(1, 50));
  });

  it('reloads and retries when another process appended in between', async () => {
    const counterId = newId();
    const streamId = `counter-${counterId}`;
    const { store, router } = secondProcess();
    await router.dispatch({ type: 'Increment', counterId, by: 1 });
    // The other process appends once, just before this router's next append.
    const realAppend = store.append.bind(store);
    let interfered = false;
    vi.spyOn(store, 'append').mockImplementation(async (...args) => {
      if (!interfered) {
        interfered = true;
        await app.store.append(streamId, [{ type: 'Incremented', data: { by: 100, value: 101 } }]);
      }
      return realAppend(...args);
    });

    const result = await router.dispatch({ type: 'Increment', counterId, by: 1 });
    expect(result.version).toBe(3);
    expect(result.events).toEqual([{ type: 'Incremented', data: { by: 1, value: 102 } }]);
    expect(store.append).toHaveBeenCalledTimes(2);
  });

  it('gives up with a retryable ConcurrencyConflictError after maxAttempts, having appended nothing', async () => {
    const counterId = newId();
    const streamId = `counter-${counterId}`;
    const { store, router } = secondProcess(2);
    const realAppend = store.append.bind(store);
    const append = vi.spyOn(store, 'append').mockImplementation(async (...args) => {
      await app.store.append(streamId, [{ type: 'Incremented', data: { by: 1, value: 0 } }]);
      return realAppend(...args);
    });
    const commandId = newId();

    const attempt = router.dispatch({ type: 'Increment', counterId, by: 1 }, { commandId });
    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(attempt).rejects.toMatchObject({ streamId, retryable: true, code: 'CONCURRENCY_CONFLICT' });
    expect(append).toHaveBeenCalledTimes(2);
    expect(await app.store.readEvent(eventIdFor(commandId, 0))).toBeUndefined();
    expect(await app.store.streamVersion(streamId)).toBe(2); // only the other process's two events
  });

  it('does not refuse a command on a cached state another process has since changed', async () => {
    const counterId = newId();
    const other = secondProcess();
    // This process caches the counter at zero...
    await app.router.dispatch({ type: 'Touch', counterId });
    // ...another process raises it...
    await other.router.dispatch({ type: 'Increment', counterId, by: 5 });
    // ...so a decrement is allowed, and decided on the real state.
    const result = await app.router.dispatch({ type: 'Decrement', counterId, by: 3 });
    expect(result.events).toEqual([{ type: 'Decremented', data: { by: 3, value: 2 } }]);
    expect(result.version).toBe(2);
  });

  it.skipIf(!concurrent)(`two processes hammering one aggregate: each command lands once or fails retryably ${NEEDS_CONCURRENCY}`, async () => {
    const other = await startChronicle([counterModule], {
      database: createPostgresDatabase({ connectionString: (app.database as { url?: string }).url!, poolSize: 5 }),
    });
    try {
      const counterId = newId();
      const streamId = `counter-${counterId}`;
      const commands = Array.from({ length: 60 }, (_, index) => ({ commandId: newId(), router: index % 2 ? other.router : app.router }));
      const appends = [vi.spyOn(app.store, 'append'), vi.spyOn(other.store, 'append')];
      const outcomes = await Promise.allSettled(
        commands.map(({ commandId, router }) => router.dispatch({ type: 'Increment', counterId, by: 1 }, { commandId })),
      );
      const attempts = appends.reduce((sum, append) => sum + append.mock.calls.length, 0);
      for (const append of appends) append.mockRestore();

      const succeeded: Array<{ commandId: string; result: ExecutionResult }> = [];
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'fulfilled') succeeded.push({ commandId: commands[index]!.commandId, result: outcome.value });
        else expect(outcome.reason).toBeInstanceOf(ConcurrencyConflictError);
      });
      expect(succeeded.length).toBeGreaterThan(0);
      // The processes did collide, and reloaded and retried (each process alone never conflicts with itself).
      expect(attempts).toBeGreaterThan(succeeded.length);

      const events = await app.store.readStream(streamId);
      // Nothing lost, nothing duplicated: exactly one event per successful command, with its derived id.
      expect(events).toHaveLength(succeeded.length);
      expect(new Set(events.map((event) => event.eventId))).toEqual(new Set(succeeded.map(({ commandId }) => eventIdFor(commandId, 0))));
      expect(events.map((event) => event.version)).toEqual(range(1, succeeded.length));
      // Every decision was taken on the latest state, whichever process took it.
      expect(events.map((event) => (event.data as { value: number }).value)).toEqual(range(1, succeeded.length));
      expect(succeeded.map(({ result }) => result.version).sort((x, y) => x - y)).toEqual(range(1, succeeded.length));
      // Failed commands left no trace.
      for (const [index, outcome] of outcomes.entries()) {
        if (outcome.status === 'rejected') expect(await app.store.readEvent(eventIdFor(commands[index]!.commandId, 0))).toBeUndefined();
      }
    } finally {
      await other.stop();
    }
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
