import pg from 'pg';

/**
 * Fails unless a connection to `connectionString` keeps one server session to itself while it is
 * open, which leadership locks and LISTEN need. Behind a pooler in transaction or statement mode
 * (PgBouncer's `pool_mode = transaction`) it does not: each transaction borrows whichever server
 * connection is free, so a lock taken or a LISTEN run stays with a backend that other clients'
 * transactions then use. That fails silently later (two instances leading one runtime, lost
 * wake-ups); told at start, it is a setting to fix.
 *
 * The check: a first connection asks for its backend, a second one asks for its own inside a
 * transaction (holding whatever backend it got), and the first asks again. A session of its own
 * always answers the same backend, never the other's; a pooler lends the first one's backend to
 * the second (PgBouncer reuses the last released one first) or moves the first to another.
 */
export async function assertDedicatedSession(connectionString: string, setting: string): Promise<void> {
  // Bounded: a pooler with every server connection busy would queue the check's queries.
  const options = { connectionString, application_name: 'chronicle-session-check', connectionTimeoutMillis: 10_000, query_timeout: 10_000 };
  const first = new pg.Client(options);
  const second = new pg.Client(options);
  try {
    await first.connect();
    await second.connect();
    const before = await backend(first);
    await second.query('begin');
    const other = await backend(second);
    // Asked only when the second got another backend: a pool of one would hold the first's query until the rollback.
    const shared = other === before || (await backend(first)) !== before;
    await second.query('rollback');
    if (shared) throw new Error(sharedSessionMessage(setting));
  } finally {
    await Promise.all([first.end().catch(() => {}), second.end().catch(() => {})]);
  }
}

async function backend(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  return rows[0]!.pid;
}

function sharedSessionMessage(setting: string): string {
  return (
    `${setting} does not give a connection a database session of its own: two connections ran on one server backend, ` +
    'as behind a pooler in transaction or statement mode (PgBouncer pool_mode = transaction). Leadership locks and LISTEN ' +
    'need a session: set DATABASE_SESSION_URL to a direct connection to PostgreSQL (or a session-mode pooler), and keep ' +
    'DATABASE_URL on the pooler.'
  );
}
