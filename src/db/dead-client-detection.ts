/**
 * How long the server keeps a session whose client has stopped answering (a network partition, a
 * machine that lost power) before it ends it: the session's advisory locks (leadership) and row
 * locks (a batch's checkpoint, the log's head) are freed only then, and its open transaction rolls
 * back. Left to the kernel's defaults, the server notices after two hours of silence (keep-alive),
 * or some fifteen minutes while it has unacknowledged data (retransmissions).
 */
export const DEAD_CLIENT_TIMEOUT_MS = 5_000;

/** The server's keep-alive probes of a quiet connection: after 2 s of silence, then every second. */
export const KEEPALIVE_PROBE_EVERY_MS = 1_000;

/**
 * The session's own TCP settings (PostgreSQL 12+, settable by any user, so no server setting is
 * needed): keep-alive probes of an idle connection, and `tcp_user_timeout`, which ends the
 * connection once data or a probe has gone unacknowledged for `DEAD_CLIENT_TIMEOUT_MS`. The
 * backend then exits. A client that is merely slow keeps its session: its kernel acknowledges.
 * Without a TCP connection (a Unix socket) the settings do nothing.
 */
const SETTINGS = {
  tcp_user_timeout: DEAD_CLIENT_TIMEOUT_MS,
  tcp_keepalives_idle: 2,
  tcp_keepalives_interval: KEEPALIVE_PROBE_EVERY_MS / 1_000,
  // Where tcp_user_timeout is not supported, probes alone: 2 s + 3 × 1 s.
  tcp_keepalives_count: 3,
} as const;

const STATEMENT = `select ${Object.entries(SETTINGS)
  .map(([name, value]) => `set_config('${name}', '${value}', false)`)
  .join(', ')}`;

/** Asks the server to end this connection's session once its client goes silent (see `DEAD_CLIENT_TIMEOUT_MS`). */
export async function endSessionWhenClientDies(client: { query(statement: string): Promise<unknown> }): Promise<void> {
  await client.query(STATEMENT);
}

/**
 * The client's side: TCP keep-alive probes once a connection has been quiet for 5 s. A query whose
 * answer was lost in a partition, on a session the server has since ended (its reset lost too),
 * otherwise waits for ever, since the client has nothing left to send; a probe after the network
 * is back meets the server's reset and fails the query.
 */
export const PROBE_THE_SERVER = { keepAlive: true, keepAliveInitialDelayMillis: DEAD_CLIENT_TIMEOUT_MS } as const;
