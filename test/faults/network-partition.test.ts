import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEAD_CLIENT_TIMEOUT_MS, KEEPALIVE_PROBE_EVERY_MS } from '../../src/db/dead-client-detection.js';
import { DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { type ChronicleProcess, type LogLine, startChronicleProcess } from '../support/chronicle-process.js';
import { type NetworkNamespace, createNetworkNamespace, networkNamespacesUnavailable } from '../support/network-namespace.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { type ThrowawayPostgres, createThrowawayPostgres, throwawayPostgresUnavailable } from '../support/throwaway-postgres.js';
import { balancePositions, checkpoints, countsBy, depositedInto } from './helpers/bank-checks.js';
import { RUNTIME_STATES } from './helpers/fault-operations.js';
import { waitUntil } from './helpers/wait-until.js';

const ACCOUNTS = ['PARTITION-0', 'PARTITION-1'];
const LEADER_RETRY_MS = 250;
/**
 * docs/deployment.md#partitions: PostgreSQL ends each session of the cut-off instance once it has
 * been silent for `DEAD_CLIENT_TIMEOUT_MS`, noticed at a keep-alive probe (every second); the
 * last half second is for this test's polling on a machine shared with other tests.
 */
const SESSIONS_END_WITHIN_MS = DEAD_CLIENT_TIMEOUT_MS + KEEPALIVE_PROBE_EVERY_MS + 500;
/**
 * From then on a partition is a crash: a standby takes the locks at its next try and starts the
 * runtimes one after another. A dozen starts took up to 7 s here at a load average of 23 (up to
 * 8 test runs share 2 cores); on a quiet machine, well under a second.
 */
const TAKEOVER_AFTER_RELEASE_MS = 10_000;
const cannot = throwawayPostgresUnavailable() ?? networkNamespacesUnavailable();

let network: NetworkNamespace | undefined;
let partitioned = false;
let cluster: ThrowawayPostgres | undefined;
let db: Kysely<any> | undefined;
const servers: ChronicleProcess[] = [];

afterAll(async () => {
  if (partitioned) await network?.heal();
  // A server that cannot drain (its database cut off by a failed run) is killed after a while.
  await Promise.all(servers.map((server) => Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))])));
  await Promise.all(servers.map((server) => server.kill()));
  await db?.destroy();
  await cluster?.destroy();
  await network?.destroy();
});

interface Outcome {
  amount: number;
  ok: boolean;
  /** What came back instead of the account: an error code, a type name, or the exception. */
  answer?: string;
}

async function deposit(server: ChronicleProcess, amount: number): Promise<Outcome> {
  try {
    const accountNumber = ACCOUNTS[amount % ACCOUNTS.length]!;
    const { result } = await server.post(DEPOSIT, { input: { accountNumber, amount } });
    if (result.data?.deposit.__typename === 'Account') return { amount, ok: true };
    return { amount, ok: false, answer: String(result.errors?.[0]?.extensions?.code ?? result.data?.deposit.__typename) };
  } catch (error) {
    return { amount, ok: false, answer: String(error) };
  }
}

async function runtimeStates(server: ChronicleProcess) {
  return (await server.post(RUNTIME_STATES)).result.data!.projections;
}

/** Every insert or update of a checkpoint, with the address of the client that committed it. */
async function auditCheckpointWrites(database: Kysely<any>): Promise<void> {
  await sql`
    create table partition_checkpoint_writes (
      id bigserial primary key, name text not null, position bigint not null, client inet, at timestamptz not null default clock_timestamp()
    )
  `.execute(database);
  await sql`
    create function partition_checkpoint_audit() returns trigger language plpgsql as $$
    begin
      insert into partition_checkpoint_writes (name, position, client) values (new.name, new.position, inet_client_addr());
      return new;
    end $$
  `.execute(database);
  await sql`
    create trigger partition_checkpoint_audit after insert or update on checkpoints
    for each row execute function partition_checkpoint_audit()
  `.execute(database);
}

async function checkpointWritesFrom(database: Kysely<any>, client: string, from: number, until = Number.POSITIVE_INFINITY) {
  const { rows } = await sql<{ name: string; position: string; at: Date }>`
    select name, position, at from partition_checkpoint_writes
    where client = ${client}::inet and at >= to_timestamp(${from / 1_000})
      and at < to_timestamp(${Number.isFinite(until) ? until / 1_000 : 'infinity'}::double precision)
    order by id
  `.execute(database);
  return rows;
}

/** When the sessions PostgreSQL holds for clients at `address` (polled every 50 ms) hold no advisory lock, or are all gone. */
async function whenSessionsOf(database: Kysely<any>, address: string, until: 'hold no lock' | 'are gone'): Promise<number> {
  await waitUntil(
    async () => {
      const { rows } = await sql<{ sessions: string; locks: string }>`
        select count(distinct activity.pid) as sessions, count(locks.pid) filter (where locks.locktype = 'advisory') as locks
        from pg_stat_activity activity left join pg_locks locks on locks.pid = activity.pid
        where activity.client_addr = ${address}::inet
      `.execute(database);
      return Number(until === 'are gone' ? rows[0]!.sessions : rows[0]!.locks) === 0;
    },
    { what: `the sessions of ${address} ${until}`, timeoutMs: 30_000, everyMs: 50 },
  );
  return Date.now();
}

const timeOf = (line: LogLine) => Number(line.time);

describe('the instance leading the runtimes is cut off from PostgreSQL by a network partition', () => {
  it.skipIf(!concurrent || cannot !== undefined)(
    `another instance takes over within the documented time, the old leader writes nothing once healed, and every deposit is projected once ${
      cannot ? `(skipped: ${cannot})` : NEEDS_CONCURRENCY
    }`,
    async () => {
      network = await createNetworkNamespace();
      cluster = await createThrowawayPostgres({ listenAddresses: [network.hostAddress], trustedNetworks: [network.subnet] });
      const env = { LEADER_RETRY_MS: String(LEADER_RETRY_MS) };
      // A runs in the namespace and reaches PostgreSQL through its router; it starts alone, so it leads every runtime.
      const a = await startChronicleProcess({
        databaseUrl: `postgres://postgres@${network.hostAddress}:${cluster.port}/postgres`,
        launcher: network.exec,
        env: { ...env, HOST: network.address },
      });
      servers.push(a);
      const names = (await runtimeStates(a)).map((runtime) => runtime.name);
      expect((await runtimeStates(a)).every((runtime) => runtime.status !== 'STANDBY')).toBe(true);
      db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: cluster.url, max: 2 }) }) });
      await auditCheckpointWrites(db);
      const b = await startChronicleProcess({ databaseUrl: cluster.url, env });
      servers.push(b);

      for (const accountNumber of ACCOUNTS) {
        const opened = await b.post(OPEN_ACCOUNT, { input: { accountNumber, holder: 'Partition' } });
        expect(opened.result.data?.openAccount.__typename).toBe('Account');
      }
      // Clients deposit through B all along (each amount unique), a request every 20 ms without
      // waiting for the one before: those held up while nobody projects must not stop the load.
      const outcomes: Outcome[] = [];
      const inFlight = new Set<Promise<void>>();
      const acknowledged = () => outcomes.filter((outcome) => outcome.ok).length;
      let next = 1;
      let loading = true;
      const load = (async () => {
        while (loading) {
          const request = deposit(b, next++).then((outcome) => void outcomes.push(outcome));
          inFlight.add(request);
          void request.finally(() => inFlight.delete(request));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      await waitUntil(() => acknowledged() >= 20, { what: 'deposits go through B' });

      // The runtimes A leads now: all of them, unless leadership is spread and B took its share.
      const ledByA = (await runtimeStates(a)).filter((runtime) => runtime.status !== 'STANDBY').map((runtime) => runtime.name);
      expect(ledByA.length).toBeGreaterThan(0);
      const cutAt = Date.now();
      await network.cut();
      partitioned = true;

      // PostgreSQL ends every session of A within the bound, freeing its locks; B leads each of A's
      // runtimes from then as after a crash; A, cut off, knows it no longer leads.
      const [locksFreedAt, sessionsEndedAt, takeovers] = await Promise.all([
        whenSessionsOf(db, network.address, 'hold no lock'),
        whenSessionsOf(db, network.address, 'are gone'),
        Promise.all(
          ledByA.map((name) =>
            b.waitForLog((line) => line.msg === 'leading runtime' && line.runtime === name && timeOf(line) >= cutAt, 30_000).then(timeOf),
          ),
        ),
        a.waitForLog((line) => line.msg === 'lost the leadership session; standing by' && timeOf(line) >= cutAt, 30_000),
      ]);
      expect(locksFreedAt - cutAt, 'the cut-off leader holds locks').toBeLessThan(SESSIONS_END_WITHIN_MS);
      expect(sessionsEndedAt - cutAt, 'the cut-off leader has sessions').toBeLessThan(SESSIONS_END_WITHIN_MS);
      for (const [index, name] of ledByA.entries()) {
        expect(takeovers[index]! - cutAt, `takeover of ${name}`).toBeLessThan(SESSIONS_END_WITHIN_MS + TAKEOVER_AFTER_RELEASE_MS);
      }
      const firstTakeover = Math.min(...takeovers);

      // B projects the deposits while A is still cut off, with its batches still open.
      const acknowledgedAtTakeover = acknowledged();
      await waitUntil(() => acknowledged() >= acknowledgedAtTakeover + 20, { what: 'deposits go on through B' }).catch((error: Error) => {
        const answers = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.answer);
        throw new Error(
          `${error.message}; ${outcomes.length} answered, ${inFlight.size} waiting, failures: ${JSON.stringify(answers.slice(-5))}`,
        );
      });
      await waitUntil(async () => (await checkpointWritesFrom(db!, '127.0.0.1', firstTakeover)).length > 0, {
        what: 'B stores checkpoints',
      });
      const healedAt = Date.now();
      await network.heal();
      partitioned = false;

      // A is back: it answers again, and each runtime runs in exactly one of the two.
      let seen: unknown;
      await waitUntil(
        async () => {
          const states = await Promise.all([a, b].map(runtimeStates));
          seen = states.map((runtimes) => runtimes.map((runtime) => `${runtime.name}:${runtime.status}`));
          return names.every(
            (name) => states.filter((runtimes) => runtimes.find((runtime) => runtime.name === name)!.status !== 'STANDBY').length === 1,
          );
        },
        { what: 'each runtime has one leader again', timeoutMs: 60_000, everyMs: 250 },
      ).catch((error: Error) => {
        throw new Error(`${error.message}; the runtimes' states on A and B: ${JSON.stringify(seen)}`);
      });
      const acknowledgedAtHeal = acknowledged();
      await waitUntil(() => acknowledged() >= acknowledgedAtHeal + 20, { what: 'deposits go on after the partition' });
      loading = false;
      await load;
      await Promise.all(inFlight);
      expect(a.alive && b.alive).toBe(true);

      await waitUntil(
        async () => {
          const { head, checkpoints: stored } = await checkpoints(db!);
          return names.every((name) => stored[name] === head);
        },
        { what: 'every runtime has processed the whole log', timeoutMs: 60_000 },
      );

      // A committed checkpoints before the cut, B after its takeover; from the takeover on, A
      // committed nothing until it was elected again (when leadership is spread, A takes its share back).
      expect((await checkpointWritesFrom(db, network.address, 0, cutAt)).length).toBeGreaterThan(0);
      const reelected = a.logs.filter((line) => line.msg === 'leading runtime' && timeOf(line) >= healedAt).map(timeOf);
      expect(await checkpointWritesFrom(db, network.address, firstTakeover, Math.min(...reelected))).toEqual([]);

      // Every acknowledged deposit is stored once and projected once; the log has no gap.
      expect(acknowledged()).toBeGreaterThanOrEqual(60);
      const stored = await countsBy(db, 'MoneyDeposited', 'amount');
      for (const outcome of outcomes) {
        if (outcome.ok) expect(stored.get(String(outcome.amount)), `deposit ${outcome.amount}`).toBe(1);
        else expect(stored.get(String(outcome.amount)) ?? 0).toBeLessThanOrEqual(1);
      }
      for (const accountNumber of ACCOUNTS) {
        const account = await db
          .selectFrom('bank_accounts')
          .select('balance')
          .where('account_number', '=', accountNumber)
          .executeTakeFirstOrThrow();
        expect(Number(account.balance), `${accountNumber}'s balance`).toBe(await depositedInto(db, accountNumber));
        const rows = await db
          .selectFrom('bank_transactions')
          .select('position')
          .where('account_number', '=', accountNumber)
          .orderBy('position')
          .execute();
        expect(
          rows.map((row) => Number(row.position)),
          `${accountNumber}'s transactions`,
        ).toEqual(await balancePositions(db, accountNumber));
      }
      const { rows } = await sql<{ count: string; first: string; last: string }>`
        select count(*) as count, min(position) as first, max(position) as last from events
      `.execute(db);
      const { head } = await checkpoints(db);
      expect([rows[0]!.count, rows[0]!.first, rows[0]!.last].map(Number), 'the log: count, first, last').toEqual([head, 1, head]);
    },
    180_000,
  );
});
