import { createClient } from 'graphql-ws';
import { print } from 'graphql';
import WebSocket from 'ws';
import { BALANCE_UPDATED } from '../../domains/bank/bank-operations.js';

export interface ReceivedUpdate {
  position: number;
  balance: number;
  delta: number;
}

/**
 * A `balanceUpdated` subscriber as a careful client writes one: it remembers the last position it
 * got, and when its server goes away it subscribes again elsewhere with `after` that position.
 */
export class BalanceFollower {
  readonly received: ReceivedUpdate[] = [];
  /** How many times a subscription ended with an error (its server died). */
  interruptions = 0;
  private current: { dispose: () => void; ended: Promise<'error' | 'complete'> } | undefined;
  private closed = false;

  constructor(
    readonly accountNumber: string,
    /** The graphql-ws connection params: the caller's credentials. */
    private readonly connectionParams: Record<string, unknown> = {},
  ) {}

  get after(): string {
    return String(this.received.at(-1)?.position ?? 0);
  }

  /** Subscribes at `wsUrl` from the last position received; `ended` settles when that subscription stops. */
  follow(wsUrl: string): Promise<'error' | 'complete'> {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: this.connectionParams,
    });
    const ended = new Promise<'error' | 'complete'>((resolve) => {
      client.subscribe<{ balanceUpdated: { position: string; balance: number; delta: number } }>(
        { query: print(BALANCE_UPDATED), variables: { accountNumber: this.accountNumber, after: this.after } },
        {
          next: ({ data, errors }) => {
            if (errors?.length) throw new Error(JSON.stringify(errors));
            const update = data!.balanceUpdated;
            this.received.push({ position: Number(update.position), balance: update.balance, delta: update.delta });
          },
          error: () => {
            this.interruptions += 1;
            resolve('error');
          },
          complete: () => resolve('complete'),
        },
      );
    });
    this.current = { dispose: () => void client.dispose(), ended };
    return ended;
  }

  /** Follows at `urls[0]`, and on each interruption resumes at the next one, until closed. */
  async followAcross(urls: () => string[]): Promise<void> {
    while (!this.closed) {
      const candidates = urls();
      if (candidates.length === 0) return;
      if ((await this.follow(candidates[0]!)) === 'complete') return;
    }
  }

  close(): void {
    this.closed = true;
    this.current?.dispose();
  }
}
