/** Limits that keep one hostile or careless client from taking the server down; each one is an environment setting. */
export interface Limits {
  /** Deepest selection nesting an operation may have (introspection excepted). */
  maxDepth: number;
  /** graphql-armor's cost: objects 2, scalars 1, growing 1.5× per level of depth. */
  maxCost: number;
  maxAliases: number;
  /** Lexical tokens in the document: bounds parsing work before anything else runs. */
  maxTokens: number;
  /** Largest HTTP request body and WebSocket message. */
  maxBodyBytes: number;
  /** Operations one WebSocket may run at once. */
  maxSubscriptionsPerSocket: number;
  /** Subscriptions one actor (without a token: one client address) may hold open at once, over every socket and SSE stream. */
  subscriptionsPerActor: number;
  /** How many of an actor's subscriptions may replay history from the store at once; the others wait their turn. */
  replaysPerActor: number;
  /** Events per second an actor's replays may read from the store, with bursts of one second's worth. */
  replayEventsPerSecond: number;
  /** Reads of the store for replays at once, over all actors: well below the pool size, so mutations and /health always get a connection. */
  replayReads: number;
  /** How long a WebSocket may take to send `connection_init` before it is closed (4408). */
  connectionInitTimeoutMs: number;
  /** Schema introspection (GraphiQL needs it); off by default in production. */
  introspection: boolean;
}

export function loadLimits(env: NodeJS.ProcessEnv, production: boolean): Limits {
  return {
    maxDepth: positive(env.GRAPHQL_MAX_DEPTH, 10, 'GRAPHQL_MAX_DEPTH'),
    maxCost: positive(env.GRAPHQL_MAX_COST, 5_000, 'GRAPHQL_MAX_COST'),
    maxAliases: positive(env.GRAPHQL_MAX_ALIASES, 15, 'GRAPHQL_MAX_ALIASES'),
    maxTokens: positive(env.GRAPHQL_MAX_TOKENS, 2_000, 'GRAPHQL_MAX_TOKENS'),
    maxBodyBytes: positive(env.MAX_BODY_BYTES, 256 * 1024, 'MAX_BODY_BYTES'),
    maxSubscriptionsPerSocket: positive(env.WS_MAX_SUBSCRIPTIONS, 100, 'WS_MAX_SUBSCRIPTIONS'),
    subscriptionsPerActor: positive(env.SUBSCRIPTIONS_PER_ACTOR, 200, 'SUBSCRIPTIONS_PER_ACTOR'),
    replaysPerActor: positive(env.REPLAYS_PER_ACTOR, 4, 'REPLAYS_PER_ACTOR'),
    replayEventsPerSecond: positive(env.REPLAY_EVENTS_PER_SECOND, 500, 'REPLAY_EVENTS_PER_SECOND'),
    replayReads: positive(env.REPLAY_READS, 4, 'REPLAY_READS'),
    connectionInitTimeoutMs: positive(env.WS_CONNECTION_INIT_TIMEOUT_MS, 3_000, 'WS_CONNECTION_INIT_TIMEOUT_MS'),
    introspection: flag(env.GRAPHQL_INTROSPECTION, !production, 'GRAPHQL_INTROSPECTION'),
  };
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return parsed;
}

function flag(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}
