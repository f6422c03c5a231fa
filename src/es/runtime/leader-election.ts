import type { Logger } from 'pino';
import type { LockSession } from './lock-session.js';

export interface LeadershipChanges {
  /** This instance now holds `name`'s lock: run it. */
  elected(name: string): Promise<void>;
  /** The lock is gone (the session was lost): stop running `name` at once. */
  deposed(name: string): Promise<void>;
}

export interface LeaderElectionOptions {
  /** How often a standby tries to take the locks it lacks (and a leader checks its session). */
  retryMs?: number;
  logger: Logger;
}

/**
 * Runs each named runtime in exactly one instance at a time: the instance whose lock session
 * holds the runtime's lock. Every `retryMs`, the instance tries to take the locks it does not
 * hold, or, holding them all, checks that its session is alive. When the session is lost (the
 * database restarted, the connection broke), every runtime it led is deposed at once and the
 * instance competes again once it reconnects. When an instance dies, the database ends its
 * session and frees its locks; a standby takes them on its next try.
 *
 * A deposed runtime may still be committing a batch it began while it led: the checkpoint's
 * compare-and-set (`advanceCheckpoint`) rolls such a batch back, so a brief overlap applies nothing twice.
 */
export class LeaderElection {
  private session: LockSession | undefined;
  private readonly held = new Set<string>();
  private rounds: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly retryMs: number;
  private readonly logger: Logger;

  constructor(
    private readonly openSession: () => Promise<LockSession>,
    private readonly names: () => readonly string[],
    private readonly changes: LeadershipChanges,
    { retryMs = 1_000, logger }: LeaderElectionOptions,
  ) {
    this.retryMs = retryMs;
    this.logger = logger;
  }

  /** Competes for every lock once (so a lone instance leads when this resolves), then keeps trying. */
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
    const missing = this.names().filter((name) => !this.held.has(name));
    try {
      const session = this.session ?? (await this.connect());
      if (missing.length === 0) await session.ping();
      for (const name of missing) {
        if (!this.running || session !== this.session) return;
        if (!(await session.tryLock(name))) continue;
        this.held.add(name);
        this.logger.info({ runtime: name }, 'leading runtime');
        await this.changes.elected(name);
      }
    } catch (error) {
      await this.lose(error);
    }
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
    void session?.close();
    const deposed = [...this.held];
    this.held.clear();
    if (deposed.length > 0) this.logger.warn({ err: error, runtimes: deposed }, 'lost the leadership session; standing by');
    else this.logger.debug({ err: error }, 'leadership session unavailable');
    await Promise.all(deposed.map((name) => this.changes.deposed(name)));
  }
}
