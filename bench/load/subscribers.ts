import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Samples } from './stats.js';

const BALANCE_UPDATED = `subscription LoadBalanceUpdated($accountNumber: String!, $after: String) {
  balanceUpdated(accountNumber: $accountNumber, after: $after) { position occurredAt }
}`;

interface Subscriber {
  accountNumber: string;
  received: number;
  lastPosition: number;
}

/**
 * graphql-ws subscribers, one socket each (as many browsers would be, and far below the server's
 * `WS_MAX_SUBSCRIPTIONS` per socket), spread in turn over the servers' URLs, each following `balanceUpdated` of one account from
 * a given position (so none misses an event however late its subscription reaches the server).
 * Each checks that positions only grow, and records, for events that occurred inside the
 * measured window, how long after their `occurredAt` they arrived here.
 */
export class SubscriberPool {
  readonly latenciesMs = new Samples();
  /** Out-of-order or repeated deliveries, and subscriptions that errored or completed early. */
  readonly errors: string[] = [];
  private readonly subscribers: Subscriber[] = [];
  private readonly clients: Client[] = [];
  private window = { from: Infinity, to: -Infinity };
  private closing = false;

  constructor(
    private readonly wsUrls: readonly string[],
    private readonly token: string,
  ) {}

  get delivered(): number {
    return this.subscribers.reduce((sum, subscriber) => sum + subscriber.received, 0);
  }

  /** Connects `count` subscribers spread evenly over `accounts`, `concurrency` handshakes at a time. */
  async connect(count: number, accounts: readonly string[], after: number, concurrency = 50): Promise<void> {
    for (let start = 0; start < count; start += concurrency) {
      const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) =>
        this.subscribe(accounts[(start + offset) % accounts.length]!, after, this.wsUrls[(start + offset) % this.wsUrls.length]!),
      );
      await Promise.all(batch);
    }
  }

  /** Latencies count for events that occurred between `from` and `to` (epoch ms). */
  measureBetween(from: number, to: number): void {
    this.window = { from, to };
  }

  /** Resolves once every subscriber has received `expected(account)` events, or rejects after `timeoutMs`. */
  async waitForAll(expected: (accountNumber: string) => number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const behind = this.subscribers.filter((subscriber) => subscriber.received < expected(subscriber.accountNumber));
      const over = this.subscribers.filter((subscriber) => subscriber.received > expected(subscriber.accountNumber));
      for (const subscriber of over)
        this.errors.push(`${subscriber.accountNumber}: ${subscriber.received} deliveries, expected ${expected(subscriber.accountNumber)}`);
      if (behind.length === 0 || over.length > 0) return;
      if (Date.now() > deadline) {
        const missing = behind.reduce((sum, subscriber) => sum + expected(subscriber.accountNumber) - subscriber.received, 0);
        throw new Error(`${behind.length} subscribers still miss ${missing} events after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.clients.map((client) => client.dispose()));
  }

  private subscribe(accountNumber: string, after: number, url: string): Promise<void> {
    const subscriber: Subscriber = { accountNumber, received: 0, lastPosition: after };
    this.subscribers.push(subscriber);
    return new Promise((resolve, reject) => {
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${this.token}` },
        on: { connected: () => resolve(), error: (error) => reject(error instanceof Error ? error : new Error('WebSocket error')) },
      });
      this.clients.push(client);
      client.subscribe<{ balanceUpdated: { position: string; occurredAt: string } }>(
        { query: BALANCE_UPDATED, variables: { accountNumber, after: String(after) } },
        {
          next: ({ data, errors }) => {
            const receivedAt = performance.timeOrigin + performance.now();
            if (errors?.length || !data) return void this.errors.push(`${accountNumber}: ${JSON.stringify(errors)}`);
            const position = Number(data.balanceUpdated.position);
            if (position <= subscriber.lastPosition)
              this.errors.push(`${accountNumber}: position ${position} after ${subscriber.lastPosition}`);
            subscriber.lastPosition = position;
            subscriber.received += 1;
            const occurredAt = Date.parse(data.balanceUpdated.occurredAt);
            if (occurredAt >= this.window.from && occurredAt <= this.window.to) this.latenciesMs.push(receivedAt - occurredAt);
          },
          error: (error) => void this.errors.push(`${accountNumber}: subscription failed: ${String(error)}`),
          complete: () => void (this.closing || this.errors.push(`${accountNumber}: subscription completed early`)),
        },
      );
    });
  }
}
