import { createServer, type Server, type Socket, connect } from 'node:net';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createResumingClient, type ResumingClientState } from '../../clients/resuming-subscriptions.js';
import { BALANCE_UPDATED, DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { expectTypename } from '../support/graphql-results.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * A TCP proxy in front of the server that the test controls: `cut()` drops every connection through it (the
 * client sees its socket close abnormally, 1006), and while `blocked` it drops new connections at once.
 */
class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  blocked = false;
  private constructor(private readonly server: Server) {}

  static async start(target: URL): Promise<CuttableProxy> {
    const server = createServer();
    const proxy = new CuttableProxy(server);
    server.on('connection', (downstream) => {
      if (proxy.blocked) return void downstream.destroy();
      const upstream = connect(Number(target.port), target.hostname);
      for (const [from, to] of [
        [downstream, upstream],
        [upstream, downstream],
      ] as const) {
        proxy.sockets.add(from);
        from.pipe(to);
        from.on('error', () => to.destroy());
        from.on('close', () => {
          proxy.sockets.delete(from);
          to.destroy();
        });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get wsUrl(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the proxy is not listening');
    return `ws://127.0.0.1:${address.port}/graphql`;
  }

  cut(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A `retryWait` the test releases by hand, so each reconnect happens exactly when the test says, not after a timer. */
function heldRetries() {
  const pending: Array<{ attempt: number; release: () => void }> = [];
  let wake: (() => void) | undefined;
  return {
    retryWait: (attempt: number) =>
      new Promise<void>((release) => {
        pending.push({ attempt, release });
        wake?.();
      }),
    /** The next reconnect the client asks for, once it asks. */
    async next() {
      while (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return pending.shift()!;
    },
  };
}

interface Update {
  delta: number;
  balance: number;
  position: string;
}

/** What a subscription delivered, and ways to wait for it. */
function collector() {
  const updates: Update[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  const changed = () => {
    for (const wake of [...waiters]) wake();
  };
  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
      });
    }
  }
  return {
    updates,
    errors,
    sink: {
      next: (result: { data?: { balanceUpdated: Update } | null; errors?: unknown }) => {
        if (result.errors) errors.push(result.errors);
        else updates.push(result.data!.balanceUpdated);
        changed();
      },
      error: (error: unknown) => {
        errors.push(error);
        changed();
      },
      complete: () => {},
    },
    /** The updates once there are `count` of them (fails on an error instead). */
    async count(count: number) {
      await until(() => updates.length >= count || errors.length > 0);
      expect(errors).toEqual([]);
      return updates.slice();
    },
    /** The updates once one with this delta has come. */
    async through(delta: number) {
      await until(() => updates.some((update) => update.delta === delta) || errors.length > 0);
      expect(errors).toEqual([]);
      return updates.slice();
    },
    async failure() {
      await until(() => errors.length > 0);
      return errors[0];
    },
  };
}

let t: TestApp;
let server: TestServer;
let proxy: CuttableProxy;

beforeAll(async () => {
  t = await createTestApp();
  server = await startTestServer(t);
  proxy = await CuttableProxy.start(new URL(server.url));
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

/** Opens an account; returns its number and the log position right after it opened. */
async function openAccount(): Promise<{ accountNumber: string; opened: string }> {
  const accountNumber = `RES-${Math.random().toString(36).slice(2, 10)}`;
  expectTypename((await t.graphql(OPEN_ACCOUNT, { input: { accountNumber, holder: 'Ada' } })).data!.openAccount, 'Account');
  return { accountNumber, opened: String(await t.app.store.head()) };
}

/** Subscriptions the server holds over WebSocket now. */
async function openWebSocketSubscriptions(): Promise<number | undefined> {
  return (await t.app.metrics.openSubscriptions.get()).values.find((value) => value.labels.transport === 'websocket')?.value;
}

async function deposit(accountNumber: string, amount: number): Promise<void> {
  expectTypename((await t.graphql(DEPOSIT, { input: { accountNumber, amount } })).data!.deposit, 'Account');
}

describe('createResumingClient', () => {
  it('resubscribes after the last position it delivered: a connection cut mid-stream loses and repeats nothing', async () => {
    const { accountNumber, opened } = await openAccount();
    const retries = heldRetries();
    const states: ResumingClientState[] = [];
    const client = createResumingClient(createClient, {
      url: proxy.wsUrl,
      webSocketImpl: WebSocket,
      retryWait: retries.retryWait,
      onStateChange: (state) => states.push(state),
    });
    const seen = collector();
    const stop = client.subscribe({ query: print(BALANCE_UPDATED), variables: { accountNumber, after: opened } }, seen.sink);
    try {
      await deposit(accountNumber, 1);
      await deposit(accountNumber, 2);
      expect((await seen.count(2)).map((update) => update.delta)).toEqual([1, 2]);

      proxy.blocked = true;
      proxy.cut();
      const first = await retries.next();
      expect(first.attempt).toBe(0);
      expect(client.state).toBe('reconnecting');
      // Committed while the client is away; the first attempt to come back finds the way still closed.
      await deposit(accountNumber, 3);
      await deposit(accountNumber, 4);
      first.release();
      const second = await retries.next();
      expect(second.attempt).toBe(1);

      proxy.blocked = false;
      second.release();
      await deposit(accountNumber, 5);
      await deposit(accountNumber, 6);
      const updates = await seen.count(6);
      expect(updates.map((update) => update.delta)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(updates.map((update) => update.balance)).toEqual([1, 3, 6, 10, 15, 21]);
      const positions = updates.map((update) => Number(update.position));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(6);
      expect(client.state).toBe('connected');
      expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);

      // A later event is the next one delivered: nothing of the replay came twice.
      await deposit(accountNumber, 7);
      expect((await seen.count(7)).map((update) => update.delta)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    } finally {
      stop();
      await client.dispose();
    }
  });

  it('resumes a subscription started live (no after) from the last position it delivered, not live again', async () => {
    const { accountNumber } = await openAccount();
    const retries = heldRetries();
    const client = createResumingClient(createClient, { url: proxy.wsUrl, webSocketImpl: WebSocket, retryWait: retries.retryWait });
    const seen = collector();
    await vi.waitFor(async () => expect(await openWebSocketSubscriptions()).toBe(0));
    const stop = client.subscribe({ query: print(BALANCE_UPDATED), variables: { accountNumber } }, seen.sink);
    try {
      // Live only: what commits before the server holds the subscription is not for it, so wait until it does.
      await vi.waitFor(async () => expect(await openWebSocketSubscriptions()).toBe(1));
      await deposit(accountNumber, 1);
      await deposit(accountNumber, 2);
      expect((await seen.count(2)).map((update) => update.delta)).toEqual([1, 2]);

      proxy.blocked = true;
      proxy.cut();
      const retry = await retries.next();
      await deposit(accountNumber, 3);
      await deposit(accountNumber, 4);
      proxy.blocked = false;
      retry.release();
      await deposit(accountNumber, 5);
      const updates = await seen.count(5);
      expect(updates.map((update) => update.delta)).toEqual([1, 2, 3, 4, 5]);
      expect(updates.map((update) => update.balance)).toEqual([1, 3, 6, 10, 15]);
      const positions = updates.map((update) => Number(update.position));
      expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));

      await deposit(accountNumber, 6);
      expect((await seen.count(6)).map((update) => update.delta)).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      stop();
      await client.dispose();
    }
  });

  it('(why) graphql-ws retrying by itself sends the first payload again: the updates before the cut come twice', async () => {
    const { accountNumber, opened } = await openAccount();
    const retries = heldRetries();
    const client = createClient({ url: proxy.wsUrl, webSocketImpl: WebSocket, retryAttempts: 5, retryWait: retries.retryWait });
    const seen = collector();
    const stop = client.subscribe({ query: print(BALANCE_UPDATED), variables: { accountNumber, after: opened } }, seen.sink);
    try {
      await deposit(accountNumber, 1);
      await deposit(accountNumber, 2);
      await seen.count(2);
      proxy.cut();
      const retry = await retries.next();
      await deposit(accountNumber, 3);
      retry.release();
      expect((await seen.count(5)).map((update) => update.delta)).toEqual([1, 2, 1, 2, 3]);
    } finally {
      stop();
      await client.dispose();
    }
  });

  it('does not resume a subscription the server refused to start, even with resumeOnComplete: after beyond the head', async () => {
    const { accountNumber } = await openAccount();
    const beyond = String((await t.app.store.head()) + 100);
    let retriesAsked = 0;
    const client = createResumingClient(createClient, {
      url: proxy.wsUrl,
      webSocketImpl: WebSocket,
      retryWait: () => {
        retriesAsked++;
        return Promise.resolve();
      },
    });
    const results: Array<{ errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }> = [];
    const completed = new Promise<void>((complete) => {
      client.subscribe(
        { query: print(BALANCE_UPDATED), variables: { accountNumber, after: beyond } },
        { next: (result) => results.push(result), error: (error) => results.push({ errors: error as never }), complete },
        { resumeOnComplete: true },
      );
    });
    try {
      await completed;
      expect(results.map((result) => result.errors?.map((error) => error.extensions?.code))).toEqual([['BAD_USER_INPUT']]);
      expect(retriesAsked).toBe(0);
    } finally {
      await client.dispose();
    }
  });

  it('does not retry what the server refused: the GraphQL errors reach the sink once', async () => {
    const retries = heldRetries();
    const client = createResumingClient(createClient, { url: proxy.wsUrl, webSocketImpl: WebSocket, retryWait: retries.retryWait });
    const seen = collector();
    const stop = client.subscribe({ query: print(BALANCE_UPDATED), variables: { accountNumber: 'NONE' } }, seen.sink);
    try {
      const error = await seen.failure();
      expect(Array.isArray(error)).toBe(true);
      expect(JSON.stringify(error)).toContain('FORBIDDEN');
      expect(client.state).toBe('connected');
      expect(seen.errors).toHaveLength(1);
    } finally {
      stop();
      await client.dispose();
    }
  });
});
