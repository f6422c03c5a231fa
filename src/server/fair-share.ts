import { setTimeout as delay } from 'node:timers/promises';
import type { ReplayBudget } from '../es/index.js';
import type { Limits } from './limits.js';
import { Semaphore } from './semaphore.js';
import { TokenBucket } from './token-bucket.js';

export type FairShareLimits = Pick<Limits, 'subscriptionsPerActor' | 'replaysPerActor' | 'replayEventsPerSecond' | 'replayReads'>;

/** Events per read of the store for a subscription, and so the most a paused subscriber holds. */
export const REPLAY_PAGE_SIZE = 50;

/** What one actor (or one client address) holds, over all its sockets and streams. */
interface Share {
  subscriptions: number;
  replays: Semaphore;
  pace: TokenBucket;
}

/**
 * Each actor's share of subscriptions and of reading history: a number of subscriptions open at
 * once, a number of them replaying from the store at once (the rest wait their turn), and a pace
 * in events per second. Reads of the store for replays also take one of a few slots shared by
 * every actor, so however many replay, the pool keeps connections for mutations and /health.
 */
export class FairShare {
  private readonly shares = new Map<string, Share>();
  private readonly reads: Semaphore;

  constructor(readonly limits: FairShareLimits) {
    this.reads = new Semaphore(limits.replayReads);
  }

  /** A new subscription of `who` with its budget, or undefined when `who` has as many open as it may. */
  open(who: string): SubscriptionBudget | undefined {
    let share = this.shares.get(who);
    if (!share) {
      share = {
        subscriptions: 0,
        replays: new Semaphore(this.limits.replaysPerActor),
        pace: new TokenBucket(this.limits.replayEventsPerSecond, this.limits.replayEventsPerSecond),
      };
      this.shares.set(who, share);
    }
    if (share.subscriptions >= this.limits.subscriptionsPerActor) return undefined;
    share.subscriptions++;
    return new SubscriptionBudget(share, this.reads, () => this.closed(who, share));
  }

  /** How many subscriptions `who` has open. */
  subscriptionsOf(who: string): number {
    return this.shares.get(who)?.subscriptions ?? 0;
  }

  private closed(who: string, share: Share): void {
    if (--share.subscriptions > 0) return;
    // Kept until its pace has recovered: closing everything and reconnecting buys no fresh burst.
    const forget = () => {
      if (share.subscriptions === 0 && this.shares.get(who) === share) this.shares.delete(who);
    };
    const recovered = share.pace.msUntilFull;
    if (recovered === 0) forget();
    else setTimeout(forget, recovered).unref();
  }
}

/** One subscription's budget: what the feed pays its reads of the store from. `close` when it ends. */
export class SubscriptionBudget implements ReplayBudget {
  readonly pageSize = REPLAY_PAGE_SIZE;
  private readonly ended = new AbortController();
  /** The release of the actor's replay slot this subscription holds while it reads history. */
  private replaying: (() => void) | undefined;

  constructor(
    private readonly share: Share,
    private readonly reads: Semaphore,
    private readonly onClose: () => void,
  ) {}

  async read<T extends readonly unknown[]>(read: () => Promise<T>): Promise<T | undefined> {
    const signal = this.ended.signal;
    if (!this.replaying) {
      const slot = await this.share.replays.acquire(signal);
      // Granted as the subscription ended: `close` did not see it.
      if (signal.aborted) slot?.();
      if (!slot || signal.aborted) return undefined;
      this.replaying = slot;
    }
    for (let wait = this.share.pace.waitMs; wait > 0; wait = this.share.pace.waitMs) {
      await delay(wait, undefined, { signal }).catch(() => {});
      if (signal.aborted) return undefined;
    }
    const slot = await this.reads.acquire(signal);
    if (!slot) return undefined;
    try {
      const events = await read();
      this.share.pace.spend(Math.max(1, events.length));
      return events;
    } finally {
      slot();
    }
  }

  caughtUp(): void {
    this.replaying?.();
    this.replaying = undefined;
  }

  close(): void {
    if (this.ended.signal.aborted) return;
    this.ended.abort();
    this.caughtUp();
    this.onClose();
  }
}
