import { Repeater } from '@repeaterjs/repeater';
import { EVENTS_CHANNEL, type EventStore } from './event-store.js';
import type { RecordedEvent } from './recorded-event.js';
import { currentReplayBudget, type ReplayBudget } from './replay-budget.js';
import { type ReplayReads, storeReplayReads } from './replay-reads.js';
import { delay } from './delay.js';
import { PERSONAL_DATA_ERASED } from './personal-data/personal-data-declaration.js';

export interface FeedOptions {
  /** How often to look at the log when no notification arrives (a lost NOTIFY, a listener reconnecting). */
  pollIntervalMs?: number;
  /** How many recent events stay in memory for followers that are close behind. */
  capacity?: number;
  batchSize?: number;
  /**
   * Whether a failed read means the database is away (refused, reset, restarting) rather than a
   * fault: a follower then waits at its cursor and reads again once it is back, instead of failing.
   * The app passes `isDatabaseUnavailable` of src/db; by default no failure is an outage.
   */
  isUnavailable?: (error: unknown) => boolean;
  /**
   * Where a subscription's reads of the store go while it replays: the store itself by default,
   * streaming replicas when the app has them (docs/consistency.md). The feed's own tail, and the
   * runtimes' reads, always read the store.
   */
  replays?: ReplayReads;
  /**
   * The log is behind what this process has seen: positions it read are gone (an asynchronous
   * failover promoted a standby that had not received them). Everything this process derived from
   * them (the feed's memory, runtimes' checkpoints, cached aggregates) is wrong from here on. The
   * feed stops reading; the app restarts the process so it starts again from the log as it is.
   */
  onRewound?: (rewound: { seen: number; head: number }) => void;
}

/** Called with the payload of each NOTIFY on a channel; `onReconnect` after the listener lost and regained its connection. */
export interface NotificationHandler {
  onNotify(payload: string): void;
  onReconnect?(): void;
}

/** How the feed hears of commits made elsewhere: the database's LISTEN/NOTIFY (`Database` of src/db is one). */
export interface Notifications {
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
}

export interface FollowOptions {
  /** Exclusive position to start after; the current head when omitted (live only). */
  after?: number;
  /** Narrows the catch-up read in SQL as well as the live events. */
  streamId?: string;
  types?: readonly string[];
  filter?: (event: RecordedEvent) => boolean;
}

/** Sees a batch the feed read: `events` follow position `from`, the head before them. */
export type FeedTap = (events: readonly RecordedEvent[], from: number) => void;

/**
 * The process's one tailing reader of the log. NOTIFY (and a polling fallback) only wake it:
 * it always reads the log itself from its last position, so a missed notification costs latency,
 * never an event. Followers each keep their own cursor and read at their own pace, from the
 * recent events kept in memory or, when further behind, from the store: nothing is ever pushed
 * at a slow consumer, so nothing buffers without bound.
 */
export class EventFeed {
  private head = 0;
  private recent: RecordedEvent[] = [];
  private waiters = new Set<() => void>();
  /** Told synchronously of every read, in order (see `tap`). */
  private taps = new Set<FeedTap>();
  /** Caught-up followers of the whole log (or of event types), and of one stream, waiting for the feed to move. */
  private parked = new Set<() => void>();
  private parkedByStream = new Map<string, Set<() => void>>();
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  /** The highest head a read was asked for by `announce`. */
  private announced = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private stopCommitted: (() => void) | undefined;
  private readonly pollIntervalMs: number;
  private readonly capacity: number;
  private readonly batchSize: number;
  private readonly isUnavailable: (error: unknown) => boolean;
  private readonly replays: ReplayReads;
  private readonly onRewound: ((rewound: { seen: number; head: number }) => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly database: Notifications,
    { pollIntervalMs = 1_000, capacity = 10_000, batchSize = 1_000, isUnavailable = () => false, replays, onRewound }: FeedOptions = {},
  ) {
    this.onRewound = onRewound;
    this.pollIntervalMs = pollIntervalMs;
    this.capacity = capacity;
    this.batchSize = batchSize;
    this.isUnavailable = isUnavailable;
    this.replays = replays ?? storeReplayReads(store);
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.head = await this.store.head();
    this.unlisten = await this.database.listen(EVENTS_CHANNEL, {
      onNotify: (payload) => {
        const [head, writerId] = payload.split(' ');
        // This process's own commit: `committed` takes it (or announces it) as soon as the append returns.
        if (writerId === this.store.writerId) return;
        const position = Number.parseInt(head!, 10);
        if (Number.isNaN(position)) this.poke();
        else this.announce(position);
      },
      // The database may be another one now (a failover): it must hold at least what was seen.
      onReconnect: () => void this.checkNotRewound().then(() => this.poke()),
    });
    this.stopCommitted = this.store.onCommitted((head, events) => this.committed(head, events));
    this.timer = setInterval(() => this.poke(), this.pollIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.stopCommitted?.();
    await this.unlisten?.();
    // A poke that arrived during the last pump must not start another one after stop returned:
    // its read would race the database being closed (PGlite's close then never resolves).
    await this.pumping;
  }

  /** The last position this process has seen committed. */
  get position(): number {
    return this.head;
  }

  /** Reads the log now, past the known head. */
  poke(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      if (this.pumpAgain) {
        this.pumpAgain = false;
        this.poke();
      }
    });
  }

  /**
   * A commit up to `head` is known (this process's own, or a NOTIFY's payload, usually both): reads
   * it, unless it was read already or a read that will see it has been asked for already.
   */
  announce(head: number): void {
    if (head <= this.head || (this.pumping && head <= this.announced)) return;
    this.announced = Math.max(this.announced, head);
    this.poke();
  }

  /**
   * This process committed a batch up to `head`. When its events are known and follow the feed's
   * head directly, nothing else can have committed in between (the append took the head lock
   * after every earlier position had committed), so they are taken as read: a strong command
   * does not wait for a round trip that reads back what it just wrote.
   */
  private committed(head: number, events: readonly RecordedEvent[] | undefined): void {
    // This process's append took positions the feed has read already: its read came first (a poll
    // racing the append), or the log lost what the feed had read and gave the positions out again.
    if (events && events.length > 0 && events[0]!.position <= this.head) {
      const read = this.recent.find((event) => event.position === events[0]!.position);
      if (read && read.eventId !== events[0]!.eventId) this.rewound(head);
      else if (!read) void this.checkNotRewound();
    } else if (!this.stopped && events && events.length > 0 && events[0]!.position === this.head + 1 && events.at(-1)!.position === head) {
      this.advance(events);
    } else {
      this.announce(head);
    }
  }

  /** Whether the log still holds everything this process has seen; see `FeedOptions.onRewound`. */
  private async checkNotRewound(): Promise<void> {
    const head = await this.store.head().catch(() => undefined);
    if (head !== undefined && head < this.head) this.rewound(head);
  }

  private rewound(head: number): void {
    if (this.stopped) return;
    const seen = this.head;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.onRewound?.({ seen, head });
  }

  /** Resolves once the head is at or past `position`, or when `signal` aborts. */
  waitFor(position: number, signal?: AbortSignal): Promise<void> {
    if (this.head >= position || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.head >= position || signal?.aborted) {
          this.waiters.delete(check);
          signal?.removeEventListener('abort', check);
          resolve();
        }
      };
      this.waiters.add(check);
      signal?.addEventListener('abort', check, { once: true });
    });
  }

  /**
   * Calls `tap` synchronously with every batch the feed reads from now on, with the head before
   * it, until the returned function is called. For consumers that can move past most batches at
   * once without reading them again (a runtime that handles none of their events).
   */
  tap(tap: FeedTap): () => void {
    this.taps.add(tap);
    return () => void this.taps.delete(tap);
  }

  /**
   * Up to `limit` committed events after `after`, from memory when they are still there. A
   * subscription's reads pass its `budget`: at most a page each, and the store only as it allows,
   * through `replays` (a replica may answer part of the way: `through` says how far).
   */
  async read(
    after: number,
    limit: number,
    { streamId, types }: Omit<FollowOptions, 'after' | 'filter'> = {},
    budget?: ReplayBudget,
  ): Promise<{
    events: RecordedEvent[];
    /** The position read up to, which may lie past the last returned event when a filter skipped some. */
    through: number;
  }> {
    const upTo = this.head;
    const first = this.recent[0]?.position;
    const remembered = first !== undefined && after >= first - 1;
    if (budget) {
      limit = Math.min(limit, budget.pageSize);
      if (remembered || after >= upTo) budget.caughtUp();
    }
    if (after >= upTo) return { events: [], through: after };
    if (remembered) {
      const events = this.recent.slice(after - first + 1, after - first + 1 + limit);
      const through = events.at(-1)?.position ?? after;
      return { events: events.filter((event) => matches(event, streamId, types)), through };
    }
    const query = { after, limit, upTo, ...(streamId ? { streamId } : {}), ...(types ? { types } : {}) };
    if (budget) {
      // The budget charges what the read returns: the events themselves, so the pace counts events.
      let through = after;
      const paid = await budget.read(async () => {
        const read = await this.replays.read(query);
        through = read.through;
        return read.events;
      });
      // The subscription ended while it waited for its turn.
      return paid ? { events: paid, through } : { events: [], through: after };
    }
    const events = await this.store.readAll(query);
    return { events, through: events.length < limit ? upTo : events.at(-1)!.position };
  }

  /**
   * Every committed event after `options.after`, in order, then live ones as they commit, with
   * no gap and no duplicate at the seam. Pulls at the consumer's pace; `return()` ends it at once.
   */
  follow(options: FollowOptions = {}): AsyncIterableIterator<RecordedEvent> {
    return new Repeater<RecordedEvent>(async (push, stop) => {
      // A Repeater starts on its first pull, which the server runs under the subscription's budget.
      const budget = currentReplayBudget();
      let stopped = false;
      let wake: (() => void) | undefined;
      const aborted = new AbortController();
      void stop.then(() => {
        stopped = true;
        aborted.abort();
        wake?.();
      });
      let cursor = options.after ?? this.head;
      let outage = 0;
      try {
        while (!stopped) {
          let read: Awaited<ReturnType<EventFeed['read']>>;
          try {
            read = await this.read(cursor, this.batchSize, options, budget);
            outage = 0;
          } catch (error) {
            // The database is away: the subscriber waits at its cursor, and goes on once it is back.
            if (!this.isUnavailable(error)) throw error;
            await delay(Math.min(100 * 2 ** outage++, this.pollIntervalMs), aborted.signal);
            continue;
          }
          const { events, through } = read;
          for (const event of events) {
            if (stopped) break;
            if (!options.filter || options.filter(event)) await push(event);
          }
          cursor = through;
          // Caught up: sleep until the feed reads more (for a stream follower, more of its stream).
          if (events.length === 0 && cursor >= this.head && !stopped) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              this.park(resolve, options.streamId);
            });
            this.unpark(wake!, options.streamId);
          }
        }
      } catch (error) {
        stop(error);
        return;
      }
      stop();
    });
  }

  /**
   * A caught-up follower waits here. Most subscriptions follow one stream, and a busy log moves
   * many times a second: waking every follower on every read would cost the process work per
   * subscriber per commit, so a stream's followers wake only when that stream has new events.
   */
  private park(wake: () => void, streamId: string | undefined): void {
    if (streamId === undefined) return void this.parked.add(wake);
    let followers = this.parkedByStream.get(streamId);
    if (!followers) this.parkedByStream.set(streamId, (followers = new Set()));
    followers.add(wake);
  }

  private unpark(wake: () => void, streamId: string | undefined): void {
    if (streamId === undefined) return void this.parked.delete(wake);
    const followers = this.parkedByStream.get(streamId);
    followers?.delete(wake);
    if (followers?.size === 0) this.parkedByStream.delete(streamId);
  }

  private wakeFollowers(events: readonly RecordedEvent[]): void {
    const everyone = this.parked;
    this.parked = new Set();
    for (const wake of everyone) wake();
    if (this.parkedByStream.size === 0) return;
    for (const event of events) {
      const followers = this.parkedByStream.get(event.streamId);
      if (!followers) continue;
      this.parkedByStream.delete(event.streamId);
      for (const wake of followers) wake();
    }
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const read = await this.store.readAll({ after: this.head, limit: this.batchSize });
        // Some may have been taken meanwhile from this process's own commits.
        const events = read.filter((event) => event.position > this.head);
        if (events.length > 0) this.advance(events);
        // A short read reached the head; a commit since then pokes again (`pumpAgain`).
        if (read.length < this.batchSize) return;
      }
    } catch {
      // The database is away; the next notification or poll reads again from the same head.
    }
  }

  /** Moves the head over `events`, which follow it directly, and tells everyone waiting. */
  private advance(events: readonly RecordedEvent[]): void {
    this.remember(events);
    const from = this.head;
    this.head = events.at(-1)!.position;
    for (const tap of [...this.taps]) tap(events, from);
    for (const waiter of [...this.waiters]) waiter();
    this.wakeFollowers(events);
  }

  private remember(events: readonly RecordedEvent[]): void {
    // What is remembered may hold personal data an erasure has just made unreadable (docs/privacy.md).
    if (events.some((event) => event.type === PERSONAL_DATA_ERASED)) {
      this.recent = [];
      return;
    }
    if (this.recent.length > 0 && this.recent.at(-1)!.position !== events[0]!.position - 1) this.recent = [];
    this.recent.push(...events);
    if (this.recent.length > this.capacity * 1.5) this.recent = this.recent.slice(-this.capacity);
  }
}

function matches(event: RecordedEvent, streamId: string | undefined, types: readonly string[] | undefined): boolean {
  return (streamId === undefined || event.streamId === streamId) && (!types || types.length === 0 || types.includes(event.type));
}
