import type { Client } from 'graphql-ws';

const BALANCE_UPDATED = `
  subscription BalanceUpdated($accountNumber: String!, $after: String) {
    balanceUpdated(accountNumber: $accountNumber, after: $after) { balance delta position }
  }
`;

export interface BalanceUpdate {
  balance: number;
  delta: number;
  position: string;
}

/**
 * Every balance update of an account, across disconnects: each time the connection drops (or the
 * server, shutting down, completes the subscription), it subscribes again with `after` set to the
 * last position it saw. The server replays what happened in between, then goes live: no gap, no duplicate.
 */
export async function* balanceUpdates(
  client: Client,
  accountNumber: string,
  after?: string, // a position seen before (stored, say): start after it; omitted, start with the next update
  retryDelayMs = 1_000,
): AsyncGenerator<BalanceUpdate> {
  for (;;) {
    try {
      const results = client.iterate<{ balanceUpdated: BalanceUpdate }>({ query: BALANCE_UPDATED, variables: { accountNumber, after } });
      for await (const { data, errors } of results) {
        if (!data) throw new Error(errors?.[0]?.message ?? 'no data');
        after = data.balanceUpdated.position;
        yield data.balanceUpdated;
      }
    } catch (error) {
      if (!dropped(error)) throw error; // 4403: the token was refused or expired; GraphQL errors
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    }
  }
}

/** 1001: the server went away; 1006: the connection was lost; 1012, 1013: try again; 4499: terminated here. */
function dropped(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 1001 || code === 1006 || code === 1012 || code === 1013 || code === 4499;
}
