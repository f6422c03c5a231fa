import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import { tables } from '../../src/db/database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { AggregateRepository } from '../../src/es/aggregate-repository.js';
import type { ExecutionResult } from '../../src/es/command-context.js';
import { ConcurrencyConflictError, UnregisteredCommandError } from '../../src/es/command-errors.js';
import { CommandRouter } from '../../src/es/command-router.js';
import { eventIdFor } from '../../src/es/deterministic-id.js';
import { defineAggregate } from '../../src/es/aggregate.js';
import { DomainError } from '../../src/es/domain-error.js';
import { DuplicateEventError } from '../../src/es/errors.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import { EventStore } from '../../src/es/event-store.js';
import { findRefusal } from '../../src/es/idempotency/refusals.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { signal, startChronicle } from './fixtures/app.js';
import { CounterAlreadyOpen, CounterWouldGoNegative, counterModule, registerCounter } from './fixtures/counter.js';
import { everyone } from '../../src/es/access/rules.js';

let app: Chronicle;

beforeAll(async () => {
  app = await startChronicle([counterModule]);
});
afterAll(() => app?.stop());

const newId = () => crypto.randomUUID();

/** Another router over the same database with its own store, cache and lock, as a second process would have. */
function secondProcess(maxAttempts?: number) {
  const db = tables<EventStoreTables>(app.database);
  const store = new EventStore(db);
  const repository = new AggregateRepository(store);
  const router = new CommandRouter({ store, db, repository, middleware: [], ...(maxAttempts === undefined ? {} : { maxAttempts }) });
  registerCounter(router);
  return { store, router, repository };
}

/** A second instance on its own pool of connections to the same database (PostgreSQL only). */
function secondInstanceOnItsOwnPool(): Promise<Chronicle> {
  return startChronicle([counterModule], {
    database: createPostgresDatabase({ connectionString: (app.database as { url?: string }).url!, poolSize: 5 }),
  });
}

/** Holds the repository's next load until released: a dispatch paused after its idempotency check, before it loads. */
function holdNextLoad(repository: AggregateRepository) {
  const reached = signal();
  const released = signal();
  const load = repository.load.bind(repository);
  const spy = vi.spyOn(repository, 'load').mockImplementationOnce((async (...args: Parameters<typeof load>) => {
    reached.resolve();
    await released.promise;
    return load(...args);
  }) as typeof load);
  return { reached: reached.promise, release: () => released.resolve(), restore: () => spy.mockRestore() };
}

type Instance = { router: CommandRouter; repository: AggregateRepository };

/**
 * `other` checks for an earlier result of the command id, finds none, and is held; this instance
 * then executes the same command id; `other` goes on, loads the stream with those events in it
 * and decides again. It must answer the first result and keep the true state, not apply the
 * events a second time on top of a state that holds them.
 */
async function sameIncrementOnTwoInstances(other: Instance): Promise<void> {
  const counterId = newId();
  const commandId = newId();
  await app.router.dispatch({ type: 'Increment', counterId, by: 1 });
  const increment = { type: 'Increment', counterId, by: 5 } as const;
  const hold = holdNextLoad(other.repository);
  try {
    const second = other.router.dispatch(increment, { commandId });
    await hold.reached;
    const first = await app.router.dispatch(increment, { commandId });
    hold.release();
    expect(first.events).toEqual([{ type: 'Incremented', data: { by: 5, value: 6 } }]);
    expect(await second).toEqual({ ...first, replayed: true });
  } finally {
    hold.restore();
  }
  // Decided on the true value 6, not on 11 (the increment applied twice): taking 7 is refused, taking 6 leaves 0.
  await expect(other.router.dispatch({ type: 'Decrement', counterId, by: 7 })).rejects.toBeInstanceOf(CounterWouldGoNegative);
  const rest = await other.router.dispatch({ type: 'Decrement', counterId, by: 6 });
  expect(rest.events).toEqual([{ type: 'Decremented', data: { by: 6, value: 0 } }]);
  expect((await app.store.readStream(`counter-${counterId}`)).map((event) => event.type)).toEqual([
    'Incremented',
    'Incremented',
    'Decremented',
  ]);
}

/** As above, but the decision on the state that holds the first execution's events is a refusal. */
async function sameOpenOnTwoInstances(other: Instance): Promise<void> {
  const counterId = newId();
  const commandId = newId();
  const open = { type: 'OpenCounter', counterId } as const;
  const hold = holdNextLoad(other.repository);
  try {
    const second = other.router.dispatch(open, { commandId });
    await hold.reached;
    const first = await app.router.dispatch(open, { commandId });
    hold.release();
    expect(await second).toEqual({ ...first, replayed: true });
  } finally {
    hold.restore();
  }
  // The command succeeded: it must not also be on record as refused.
  expect(await findRefusal(tables<EventStoreTables>(app.database), commandId)).toBeUndefined();
  await expect(other.router.dispatch(open, { commandId })).resolves.toMatchObject({ version: 1 });
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
      expect(event.metadata).toMatchObject({
        correlationId: 'corr-1',
        causationId: 'cause-1',
        actor: 'alice',
        actorRoles: ['admin'],
        commandId,
      });
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
    expect(repeated).toEqual({ ...first, replayed: true });
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
    await expect(app.router.dispatch({ type: 'OpenCounter', counterId }, { commandId: open })).resolves.toEqual({
      ...opened,
      replayed: true,
    });
    await expect(app.router.dispatch({ type: 'IncrementMany', counterId, times: 3 }, { commandId: many })).resolves.toEqual({
      ...first,
      replayed: true,
    });
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
    // One of them executed it; the others answer its result as a replay.
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    const executed = results.find((result) => !result.replayed)!;
    for (const result of results) expect({ ...result, replayed: undefined }).toEqual({ ...executed, replayed: undefined });
    app.repository.clear();
    await expect(app.router.dispatch({ type: 'Increment', counterId, by: 2 }, { commandId })).resolves.toEqual({
      ...executed,
      replayed: true,
    });
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

describe('one command id executed by two instances at once', () => {
  it('answers the first result and keeps the true state when the other instance appended it after the check', () =>
    sameIncrementOnTwoInstances(secondProcess()));

  it('answers the first result, not a refusal, when the state with its events would refuse it', () =>
    sameOpenOnTwoInstances(secondProcess()));

  it.skipIf(!concurrent)(`does both across two pools of connections ${NEEDS_CONCURRENCY}`, async () => {
    const other = await secondInstanceOnItsOwnPool();
    try {
      await sameIncrementOnTwoInstances(other);
      await sameOpenOnTwoInstances(other);
    } finally {
      await other.stop();
    }
  });

  it('answers the first result when the decision on the state with its events has more events than it stored', async () => {
    // A pile that doubles: how many events a doubling decides depends on the state.
    const pile = defineAggregate<number, { type: 'Double'; pileId: string }, { type: 'Added'; data: Record<string, never> }>({
      name: 'pile',
      initialState: 1,
      execute: (size) => Array.from({ length: size }, () => ({ type: 'Added' as const, data: {} })),
      apply: (size) => size + 1,
    });
    const other = secondProcess();
    for (const router of [app.router, other.router]) router.register(pile, { Double: { identity: 'pileId', access: everyone } });
    const pileId = newId();
    const commandId = newId();
    const hold = holdNextLoad(other.repository);
    try {
      const second = other.router.dispatch({ type: 'Double', pileId }, { commandId });
      await hold.reached;
      const first = await app.router.dispatch({ type: 'Double', pileId }, { commandId });
      hold.release();
      expect(first).toMatchObject({ version: 1, events: [{ type: 'Added' }] });
      expect(await second).toEqual({ ...first, replayed: true });
    } finally {
      hold.restore();
    }
    await expect(other.router.dispatch({ type: 'Double', pileId })).resolves.toMatchObject({ version: 3 });
  });

  it('answers a retry in one process whose earlier attempt lands between its check and its load, without applying it twice', async () => {
    const counterId = newId();
    const streamId = `counter-${counterId}`;
    const commandId = newId();
    await app.router.dispatch({ type: 'Increment', counterId, by: 1 });
    // A cold cache (say, a restarted process), and the earlier attempt's append committing late.
    app.repository.forget(streamId);
    const load = app.repository.load.bind(app.repository);
    let earlier: Awaited<ReturnType<EventStore['append']>> | undefined;
    const spy = vi.spyOn(app.repository, 'load').mockImplementationOnce((async (...args: Parameters<typeof load>) => {
      earlier = await app.store.append(streamId, [{ id: eventIdFor(commandId, 0), type: 'Incremented', data: { by: 5, value: 6 } }], 1, {
        commandId,
      });
      return load(...args);
    }) as typeof load);
    try {
      const retry = await app.router.dispatch({ type: 'Increment', counterId, by: 5 }, { commandId });
      expect(retry).toMatchObject({
        version: 2,
        position: earlier!.positions[0],
        events: [{ type: 'Incremented', data: { by: 5, value: 6 } }],
      });
    } finally {
      spy.mockRestore();
    }
    await expect(app.router.dispatch({ type: 'Decrement', counterId, by: 7 })).rejects.toBeInstanceOf(CounterWouldGoNegative);
    expect(await app.store.streamVersion(streamId)).toBe(2);
  });
});

describe('concurrency', () => {
  it('runs 50 concurrent commands to one aggregate one after another: all succeed, contiguous versions, no retry', async () => {
    const counterId = newId();
    const append = vi.spyOn(app.store, 'append');
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          app.router.dispatch<{ type: 'Incremented'; data: { by: number; value: number } }>({ type: 'Increment', counterId, by: 1 }),
        ),
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

  it.skipIf(!concurrent)(
    `two processes hammering one aggregate: each command lands once or fails retryably ${NEEDS_CONCURRENCY}`,
    async () => {
      const other = await secondInstanceOnItsOwnPool();
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
    },
  );
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
