import { setTimeout as delay } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { streamIdOf } from '../../src/es/aggregate.js';
import { accountAggregate } from '../../src/domains/bank/account-aggregate.js';
import type { Actor } from '../../src/es/actor.js';
import { loadLimits } from '../../src/server/limits.js';
import { BALANCE_UPDATED, DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { authorizationFor, userActor } from '../support/test-auth.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// A full collection on demand, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Open to anyone, and answers at once with the current value. */
const RICHEST = 'subscription Richest { richestChanged(first: 1) { accountId } }';

interface Message {
  type: string;
  id?: string;
  payload?: any;
}

/** A raw graphql-transport-ws client whose reading can be paused, as a hostile client's would be. */
class RawSocket {
  readonly messages: Message[] = [];
  private waiters = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Message;
      // Only what the test looks at is kept: a replay's events would fill the test's own heap.
      if (message.type !== 'next' || message.payload?.errors) this.messages.push(message);
      else this.nexts.add(message.id!);
      for (const waiter of [...this.waiters]) waiter();
    });
    socket.on('close', () => {
      for (const waiter of [...this.waiters]) waiter();
    });
  }

  /** Operations that delivered data. */
  readonly nexts = new Set<string>();

  static async open(url: string, connectionParams: Record<string, unknown>): Promise<RawSocket> {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const raw = new RawSocket(socket);
    socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams }));
    await raw.until(() => raw.messages.some((message) => message.type === 'connection_ack'), 10_000);
    return raw;
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  }

  /** Stops reading: what the server sends piles up in the kernel's buffers until they are full. */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** The ids of the operations refused with `code`. */
  refused(code: string): Set<string> {
    const ids = new Set<string>();
    for (const message of this.messages) {
      const errors = message.type === 'error' ? message.payload : message.payload?.errors;
      if (Array.isArray(errors) && errors.some((error: any) => error.extensions?.code === code)) ids.add(message.id!);
    }
    return ids;
  }

  until(condition: () => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`condition not met within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (condition()) done();
        else if (this.socket.readyState === WebSocket.CLOSED) done(new Error('socket closed'));
      };
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.socket.terminate();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('fair share: limits per actor across every connection', () => {
  const limits = { ...loadLimits({}, false), subscriptionsPerActor: 3 };
  let t: TestApp;
  let server: TestServer;

  beforeAll(async () => {
    t = await createTestApp({ actor: null, config: { limits } });
    server = await startTestServer(t);
  });
  afterAll(() => server.close());

  it('refuses an actor’s subscriptions beyond the limit, counted over all its sockets, and not another actor’s', async () => {
    const alice = await authorizationFor(userActor('alice'));
    const first = await RawSocket.open(server.wsUrl, alice);
    const second = await RawSocket.open(server.wsUrl, alice);
    const bob = await RawSocket.open(server.wsUrl, await authorizationFor(userActor('bob')));
    try {
      for (const id of ['1', '2']) first.subscribe(id, RICHEST);
      await first.until(() => first.nexts.size === 2, 10_000);
      for (const id of ['3', '4']) second.subscribe(id, RICHEST);
      await second.until(() => second.nexts.size + second.refused('TOO_MANY_SUBSCRIPTIONS').size === 2, 10_000);
      expect(second.nexts.size).toBe(1);
      expect(second.refused('TOO_MANY_SUBSCRIPTIONS').size).toBe(1);

      // Bob has a share of his own.
      for (const id of ['1', '2', '3']) bob.subscribe(id, RICHEST);
      await bob.until(() => bob.nexts.size === 3, 10_000);
      expect(bob.refused('TOO_MANY_SUBSCRIPTIONS').size).toBe(0);

      // Subscriptions that end give their places back, once the server has seen the socket close.
      first.close();
      const deadline = performance.now() + 10_000;
      for (let attempt = 0; ; attempt++) {
        const id = `again-${attempt}`;
        second.subscribe(id, RICHEST);
        await second.until(() => second.nexts.has(id) || second.refused('TOO_MANY_SUBSCRIPTIONS').has(id), 10_000);
        if (second.nexts.has(id)) break;
        expect(performance.now()).toBeLessThan(deadline);
      }
    } finally {
      first.close();
      second.close();
      bob.close();
    }
  });

  it('counts server-sent events subscriptions in the same share, and anonymous clients by address', async () => {
    const sse = new AbortController();
    const anonymous = [await RawSocket.open(server.wsUrl, {}), await RawSocket.open(server.wsUrl, {})];
    try {
      // Two over one socket and one over SSE, all anonymous from 127.0.0.1: the next one is refused.
      anonymous[0]!.subscribe('1', RICHEST);
      anonymous[0]!.subscribe('2', RICHEST);
      await anonymous[0]!.until(() => anonymous[0]!.nexts.size === 2, 10_000);
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: RICHEST }),
        signal: sse.signal,
      });
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes('event: next')) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).not.toContain('TOO_MANY_SUBSCRIPTIONS');

      anonymous[1]!.subscribe('3', RICHEST);
      await anonymous[1]!.until(() => anonymous[1]!.messages.some((message) => message.id === '3') || anonymous[1]!.nexts.size > 0, 10_000);
      expect([...anonymous[1]!.refused('TOO_MANY_SUBSCRIPTIONS')]).toEqual(['3']);

      // Over SSE, the refusal is the same error.
      const refused = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: RICHEST }),
      });
      expect(await refused.text()).toContain('TOO_MANY_SUBSCRIPTIONS');
    } finally {
      sse.abort();
      for (const socket of anonymous) socket.close();
    }
  });
});

describe.skipIf(!concurrent)(`fair share: one actor replaying from the start on paused sockets ${NEEDS_CONCURRENCY}`, () => {
  const SOCKETS = 5;
  const PER_SOCKET = 100;
  /** The abuser's history, then enough other events that the feed no longer keeps it in memory: replays read the store. */
  const HISTORY = 3_000;
  const LATER = 13_000;
  /** Each phase sends a deposit (and asks /health) every PACE_MS, whether the last has answered or not. */
  const DEPOSITS = 25;
  const PACE_MS = 200;
  /** The server reads history for a subscription a page of this many events at a time (REPLAY_PAGE_SIZE). */
  const PAGE = 50;
  const limits = loadLimits({}, false);
  const victim = userActor('victim');
  const abuser = userActor('abuser');
  const abuserStream = streamIdOf(accountAggregate, 'ABUSER-1');
  let t: TestApp;
  let server: TestServer;
  /** The store's reads of the abuser's stream: what its replays cost. */
  const reads = { running: 0, mostAtOnce: 0, largestPage: 0, events: 0 };

  beforeAll(async () => {
    t = await createTestApp({ actor: null });
    server = await startTestServer(t);
    await post(victim, OPEN_ACCOUNT, { input: { accountNumber: 'VICTIM-1', holder: 'Victim' } });
    await post(abuser, OPEN_ACCOUNT, { input: { accountNumber: 'ABUSER-1', holder: 'Abuser' } });
    for (let written = 0; written < HISTORY; written += 500) {
      const events = Array.from({ length: 500 }, (_, index) => ({
        type: 'MoneyDeposited',
        data: { accountNumber: 'ABUSER-1', amount: 1, balanceAfter: written + index + 1 },
      }));
      await t.app.store.append(abuserStream, events);
    }
    for (let written = 0; written < LATER; written += 500) {
      await t.app.store.append(
        `elsewhere-${written}`,
        Array.from({ length: 500 }, (_, index) => ({ type: 'SomethingElse', data: { index } })),
      );
    }
    await t.settle();

    const readAll = t.app.store.readAll.bind(t.app.store);
    t.app.store.readAll = async (options) => {
      if (options?.streamId !== abuserStream) return readAll(options);
      reads.mostAtOnce = Math.max(reads.mostAtOnce, ++reads.running);
      try {
        const events = await readAll(options);
        reads.largestPage = Math.max(reads.largestPage, events.length);
        reads.events += events.length;
        return events;
      } finally {
        reads.running--;
      }
    };
  }, 120_000);
  afterAll(() => server.close());

  async function post(actor: Actor, document: any, variables: any) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(await authorizationFor(actor)) },
      body: JSON.stringify({ query: print(document), variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown };
  }

  /** The victim's deposits, sent at a steady pace as /health is asked: their latencies, and what went wrong. */
  async function measure(): Promise<{ latencies: number[]; health: number[]; failures: string[] }> {
    const authorization = await authorizationFor(victim);
    const health: Array<Promise<number>> = [];
    const deposits: Array<Promise<number>> = [];
    const failures: string[] = [];
    const deposit = async () => {
      const started = performance.now();
      const body = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...authorization },
        body: JSON.stringify({ query: print(DEPOSIT), variables: { input: { accountNumber: 'VICTIM-1', amount: 1 } } }),
      }).then(
        (response) => response.json() as Promise<{ data?: any }>,
        (error: Error) => ({ error: error.message }),
      );
      if ((body as { data?: any }).data?.deposit?.__typename !== 'Account') failures.push(JSON.stringify(body));
      return performance.now() - started;
    };
    for (let index = 0; index < DEPOSITS; index++) {
      deposits.push(deposit());
      // 0: no answer at all (the connection was reset).
      health.push(
        fetch(healthUrl()).then(
          (response) => response.status,
          () => 0,
        ),
      );
      await delay(PACE_MS);
    }
    return { latencies: await Promise.all(deposits), health: await Promise.all(health), failures };
  }

  const healthUrl = () => new URL('/health', server.url).href;

  function heapUsed(): number {
    gc();
    return process.memoryUsage().heapUsed;
  }

  it('keeps /health up, other actors’ deposits within 2×, and the replays paced and bounded; refuses subscriptions past the share', async () => {
    await measure(); // warm-up
    const before = await measure();
    const heapBefore = heapUsed();

    const authorization = await authorizationFor(abuser);
    const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => RawSocket.open(server.wsUrl, authorization)));
    try {
      const query = print(BALANCE_UPDATED);
      const abuseStarted = performance.now();
      for (const socket of sockets) {
        for (let index = 0; index < PER_SOCKET; index++) socket.subscribe(String(index), query, { accountNumber: 'ABUSER-1', after: '0' });
        socket.pause();
      }
      const abused = await measure();
      const heapGrowth = heapUsed() - heapBefore;
      const abuseSeconds = (performance.now() - abuseStarted) / 1_000;
      const replayed = { ...reads };

      // Another actor still subscribes and gets its updates while the abuser holds its whole share.
      const other = await RawSocket.open(server.wsUrl, await authorizationFor(victim));
      try {
        other.subscribe('mine', query, { accountNumber: 'VICTIM-1', after: '0' });
        await other.until(() => other.nexts.has('mine'), 10_000);
      } finally {
        other.close();
      }

      for (const socket of sockets) socket.resume();
      const refusals = () => sockets.reduce((sum, socket) => sum + socket.refused('TOO_MANY_SUBSCRIPTIONS').size, 0);
      const refusable = SOCKETS * PER_SOCKET - limits.subscriptionsPerActor;
      await Promise.all(sockets.map((socket) => socket.until(() => refusals() >= refusable, 15_000))).catch(() => {});
      const refused = refusals();
      for (const socket of sockets) socket.close();

      // The baseline pools deposits before and after the abuse: the machine's own load drifts meanwhile.
      const after = await measure();
      const baseline = median([...before.latencies, ...after.latencies]);
      const underAbuse = median(abused.latencies);
      console.log(
        `deposit median: baseline ${baseline.toFixed(1)} ms, abused ${underAbuse.toFixed(1)} ms; ` +
          `/health under abuse: ${abused.health.length} answers (${[...new Set(abused.health)].join(', ')}); failed deposits: ${abused.failures.length}; ` +
          `heap growth ${(heapGrowth / 2 ** 20).toFixed(1)} MiB; abuser's replays in ${abuseSeconds.toFixed(1)} s: ${replayed.events} events read, ` +
          `pages of at most ${replayed.largestPage}, ${replayed.mostAtOnce} reads at once; ${refused} subscriptions refused`,
      );

      expect([...before.failures, ...after.failures]).toEqual([]);
      expect([...before.health, ...after.health].every((status) => status === 200)).toBe(true);
      expect(abused.failures).toEqual([]);
      expect(abused.health.filter((status) => status !== 200)).toEqual([]);
      expect(underAbuse).toBeLessThanOrEqual(2 * baseline);
      // The replays did read the store, a page at a time, through the shared read slots, at the actor's pace.
      expect(replayed.events).toBeGreaterThan(0);
      expect(replayed.largestPage).toBeLessThanOrEqual(PAGE);
      expect(replayed.mostAtOnce).toBeLessThanOrEqual(Math.min(limits.replaysPerActor, limits.replayReads));
      // A read is paid once it returns, so each read in flight may have passed the pace check before the others paid.
      const inFlight = Math.min(limits.replaysPerActor, limits.replayReads);
      expect(replayed.events).toBeLessThanOrEqual(limits.replayEventsPerSecond * (abuseSeconds + 1) + PAGE * inFlight);
      // What paused subscribers hold: at most a page for each replay running.
      expect(heapGrowth).toBeLessThan(24 * 2 ** 20);
      expect(refused).toBe(refusable);
    } finally {
      for (const socket of sockets) socket.close();
    }
  }, 120_000);
});
