import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresLockSession } from '../../src/db/postgres-lock-session.js';
import { LeaderElection } from '../../src/es/runtime/leader-election.js';
import { waitUntil } from '../faults/helpers/wait-until.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';

const NAMES = Array.from({ length: 12 }, (_, index) => `spread-${index}`);
const RETRY_MS = 50;

let database: TestDatabase | undefined;
const elections: LeaderElection[] = [];

afterEach(async () => {
  for (const election of elections.splice(0)) {
    await election.stop();
    await election.release();
  }
  await database?.close();
  database = undefined;
});

/**
 * Instances as the elections see them: which one runs each runtime, and every moment two ran one at
 * once. A runtime takes a while to stop (it finishes its batch), which is when a lock released too
 * early would let another instance start it.
 */
class Fleet {
  readonly running = new Map<string, string>();
  readonly overlaps: string[] = [];
  readonly members = new Map<string, LeaderElection>();

  constructor(private readonly url: string) {}

  async join(label: string, options: { rescueAfterMs?: number; stalledForMs?: number } = {}): Promise<LeaderElection> {
    const election = new LeaderElection(
      () => openPostgresLockSession(this.url),
      () => NAMES,
      {
        elected: async (name) => {
          const other = this.running.get(name);
          if (other !== undefined) this.overlaps.push(`${name} started in ${label} while ${other} ran it`);
          this.running.set(name, label);
        },
        deposed: async (name) => {
          await new Promise((resolve) => setTimeout(resolve, 20)); // the batch in flight commits
          if (this.running.get(name) === label) this.running.delete(name);
        },
      },
      { retryMs: RETRY_MS, logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }).child({ instance: label }), ...options },
    );
    elections.push(election);
    this.members.set(label, election);
    await election.start();
    return election;
  }

  /** The instance shuts down: its runtimes stop, then its session ends. */
  async leave(label: string): Promise<void> {
    const election = this.members.get(label)!;
    this.members.delete(label);
    await election.stop();
    for (const [name, runner] of this.running) if (runner === label) this.running.delete(name);
    await election.release();
  }

  /** Each member leads between floor and ceil of its share, and every runtime runs in exactly one. */
  balanced(): boolean {
    const counts = [...this.members.values()].map((election) => election.leading().length);
    const floor = Math.floor(NAMES.length / counts.length);
    const led = [...this.members.values()].flatMap((election) => election.leading());
    return (
      counts.every((count) => count === floor || count === Math.ceil(NAMES.length / counts.length)) &&
      new Set(led).size === NAMES.length &&
      led.length === NAMES.length &&
      NAMES.every((name) => this.running.has(name))
    );
  }
}

describe('leadership spread over instances', () => {
  it.skipIf(!concurrent)(
    `balances the runtimes over three instances, gives a fourth its share, and shares a leaver's ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 2 });
      const fleet = new Fleet(database.url!);
      const first = await fleet.join('first');
      // Alone, it leads everything as soon as it has started.
      expect(first.leading().sort()).toEqual([...NAMES].sort());

      await Promise.all([fleet.join('second'), fleet.join('third')]);
      await waitUntil(() => fleet.balanced(), { what: 'three instances lead 4 runtimes each' });
      expect([...fleet.members.values()].map((election) => election.leading().length)).toEqual([4, 4, 4]);

      await fleet.join('fourth');
      await waitUntil(() => fleet.balanced(), { what: 'the fourth instance takes its share' });
      expect(fleet.members.get('fourth')!.leading()).toHaveLength(3);

      await fleet.leave('second');
      await waitUntil(() => fleet.balanced(), { what: "the second's runtimes are shared by the other three" });
      expect(fleet.overlaps).toEqual([]);
    },
  );

  it.skipIf(!concurrent)(
    `takes back runtimes from an instance that joined and then froze, and leaves it out ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 2 });
      const fleet = new Fleet(database.url!);
      await fleet.join('first', { rescueAfterMs: 200 });
      await fleet.join('second', { rescueAfterMs: 200 });
      await waitUntil(() => fleet.balanced(), { what: 'two instances lead 6 runtimes each' });

      // Present in the fleet (its session lives), but it never looks at the locks again.
      const frozen = await fleet.join('frozen');
      await frozen.stop();
      fleet.members.delete('frozen');
      // The others hand it its share, see it left free, and take it back.
      await waitUntil(() => fleet.balanced(), { what: 'the two live instances lead everything between them' });
      expect(frozen.leading()).toEqual([]);
      expect(fleet.overlaps).toEqual([]);
    },
  );
});
