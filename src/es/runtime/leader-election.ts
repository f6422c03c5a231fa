import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { planLeadership } from './leadership-plan.js';
import type { LockSession } from './lock-session.js';

export interface LeadershipChanges {
  /** This instance now holds `name`'s lock: run it. */
  elected(name: string): Promise<void>;
  /**
   * Stop running `name`: the lock is gone (the session was lost), or is handed to another
   * instance once this resolves, so it must resolve only when the runtime has stopped.
   */
  deposed(name: string): Promise<void>;
}

export interface LeaderElectionOptions {
  /** How often the instance looks at the locks: takes those it should lead, hands over those it should not. */
  retryMs?: number;
  /**
   * A runtime left free this long by the instance that should take it (frozen, say) is taken by
   * another, which then leaves that instance out of the sharing for `stalledForMs`.
   */
  rescueAfterMs?: number;
  stalledForMs?: number;
  logger: Logger;
}

/**
 * Runs each named runtime in exactly one instance at a time, the instance whose lock session
 * holds the runtime's lock, and spreads the runtimes evenly over the instances that run them.
 *
 * Each instance marks its session present in its *fleet* (the instances whose runtimes are the
 * same; see `LockSession.join`). Every `retryMs` it surveys the locks: which peers are present,
 * who holds what. From that view every peer computes the same plan (`planLeadership`: a fair
 * share each, floor or ceil of runtimes / peers, moving as few runtimes as possible). The
 * instance hands over the runtimes the plan gives to another peer (stops each, then unlocks it)
 * and takes the free ones the plan gives to it. A lone instance leads everything.
 *
 * When the session is lost (the database restarted, the connection broke), every runtime it led
 * is deposed at once and the instance competes again once it reconnects. When an instance dies,
 * the database ends its session, which frees its locks and its presence; the others share its
 * runtimes on their next round.
 *
 * A deposed runtime may still be committing a batch it began while it led: the checkpoint's
 * compare-and-set (`advanceCheckpoint`) rolls such a batch back, so a brief overlap applies nothing twice.
 */
export class LeaderElection {
  private session: LockSession | undefined;
  /** The fleet the session is present in. */
  private fleet: string | undefined;
  private readonly held = new Set<string>();
  /** When each runtime was first seen free, to rescue it from a peer that does not take it. */
  private readonly freeSince = new Map<string, number>();
  /** Peers left out of the sharing until then, having left a runtime free. */
  private readonly stalled = new Map<string, number>();
  private rounds: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly retryMs: number;
  private readonly rescueAfterMs: number;
  private readonly stalledForMs: number;
  private readonly logger: Logger;

  constructor(
    private readonly openSession: () => Promise<LockSession>,
    private readonly names: () => readonly string[],
    private readonly changes: LeadershipChanges,
    { retryMs = 1_000, rescueAfterMs = 10 * retryMs, stalledForMs = 40 * retryMs, logger }: LeaderElectionOptions,
  ) {
    this.retryMs = retryMs;
    this.rescueAfterMs = rescueAfterMs;
    this.stalledForMs = stalledForMs;
    this.logger = logger;
  }

  /** Competes once (so a lone instance leads everything when this resolves), then keeps at it. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.round();
  }

  /** Stops competing; the locks stay held until `release`, so the caller can stop its runtimes first. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.rounds;
  }

  /** Ends the session: the locks go to other instances. */
  async release(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.fleet = undefined;
    this.held.clear();
    await session?.close();
  }

  /** The runtimes this instance leads now. */
  leading(): string[] {
    return [...this.held];
  }

  private round(): Promise<void> {
    this.rounds = this.rounds.then(() => this.compete()).finally(() => this.schedule());
    return this.rounds;
  }

  private schedule(): void {
    if (!this.running || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.round();
    }, this.retryMs);
    this.timer.unref();
  }

  private async compete(): Promise<void> {
    if (!this.running) return;
    try {
      const session = this.session ?? (await this.connect());
      const names = this.names();
      const fleet = fleetOf(names);
      if (fleet !== this.fleet) {
        await session.join(fleet);
        this.fleet = fleet;
      }
      // Also the session's health check: it fails when the session, and every lock, is gone.
      const { self, peers, holders } = await session.survey(fleet, names);
      const now = Date.now();
      for (const [peer, until] of this.stalled) if (until <= now || !peers.includes(peer)) this.stalled.delete(peer);
      const sharing = peers.filter((peer) => peer === self || !this.stalled.has(peer));
      const targets = planLeadership({ names, peers: sharing.includes(self) ? sharing : [...sharing, self], holders });

      for (const name of [...this.held]) {
        const target = targets.get(name);
        if (target === undefined || target === self) continue;
        if (!this.running || session !== this.session) return;
        await this.handOver(session, name, target);
      }
      for (const name of names) {
        if (this.held.has(name) || holders.has(name)) {
          this.freeSince.delete(name);
          continue;
        }
        const freeSince = this.freeSince.get(name) ?? now;
        this.freeSince.set(name, freeSince);
        const target = targets.get(name)!;
        const rescue = target !== self && now - freeSince >= this.rescueAfterMs;
        if (target !== self && !rescue) continue;
        if (!this.running || session !== this.session) return;
        if (!(await session.tryLock(name))) continue;
        this.freeSince.delete(name);
        if (rescue) {
          this.stalled.set(target, now + this.stalledForMs);
          this.logger.warn({ runtime: name, peer: target }, 'taking a runtime another instance left free');
        }
        this.held.add(name);
        this.logger.info({ runtime: name }, 'leading runtime');
        await this.changes.elected(name);
      }
    } catch (error) {
      await this.lose(error);
    }
  }

  /** Stops the runtime first, then unlocks it: no batch of this instance runs once another may lead. */
  private async handOver(session: LockSession, name: string, to: string): Promise<void> {
    this.logger.info({ runtime: name, to }, 'handing runtime over');
    await this.changes.deposed(name);
    this.held.delete(name);
    await session.unlock(name);
  }

  private async connect(): Promise<LockSession> {
    const session = await this.openSession();
    session.onLost((error) => {
      // Deposed now, not at the next round: another instance may take over any moment.
      this.rounds = this.rounds.then(() => (this.session === session ? this.lose(error) : undefined));
    });
    this.session = session;
    return session;
  }

  private async lose(error: unknown): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.fleet = undefined;
    this.freeSince.clear();
    void session?.close();
    const deposed = [...this.held];
    this.held.clear();
    if (deposed.length > 0) this.logger.warn({ err: error, runtimes: deposed }, 'lost the leadership session; standing by');
    else this.logger.debug({ err: error }, 'leadership session unavailable');
    await Promise.all(deposed.map((name) => this.changes.deposed(name)));
  }
}

/** The instances running exactly these runtimes share them; any other code shares with its own kind. */
function fleetOf(names: readonly string[]): string {
  return createHash('sha256')
    .update([...names].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
}
