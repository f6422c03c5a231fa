import { type AuthConfig, loadAuthConfig } from './auth/auth-config.js';
import { type CorsConfig, loadCorsConfig } from './server/cors.js';
import { type Limits, loadLimits } from './server/limits.js';

/** Every setting Chronicle reads from its environment (documented in the README). */
export interface Config {
  /**
   * The primary (DATABASE_URL); PGlite without it. It may list several hosts, libpq-style
   * (`postgres://db1:5432,db2:5432/chronicle`): the first taking writes is used, and found again
   * after a failover (docs/consistency.md, Failover).
   */
  databaseUrl: string | undefined;
  /**
   * The leadership locks' and LISTEN's connections, which need a session of their own
   * (DATABASE_SESSION_URL): PostgreSQL directly while `databaseUrl` goes through a pooler in transaction mode.
   */
  databaseSessionUrl: string | undefined;
  /** Streaming replicas of `databaseUrl` that answer queries (DATABASE_READ_URLS, comma-separated); none by default. */
  databaseReadUrls: string[];
  /** How long a query carrying a minimum position waits for a replica to apply it before the primary answers it. */
  replicaWaitMs: number;
  dataDir: string;
  port: number;
  host: string;
  logLevel: string;
  poolSize: number;
  /** How often the live feed polls the log when no notification arrives. */
  pollIntervalMs: number;
  /** Serve POST /debug/heap (forced GC and memory figures) for `npm run load`; never in production. */
  debugHeapEndpoint: boolean;
  /** How often a standby instance tries to take over the projectors, handlers and process managers. */
  leaderRetryMs: number;
  /** The shared secret the activity tracker signs its webhook calls with; the webhook is off without it. */
  activityWebhookSecret: string | undefined;
  /** NODE_ENV=production: auth must be configured, introspection is off unless enabled. */
  production: boolean;
  auth: AuthConfig;
  limits: Limits;
  /** The web pages (origins) a browser lets call the API: CORS_ORIGINS. */
  cors: CorsConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSessionUrl: env.DATABASE_SESSION_URL || undefined,
    databaseReadUrls: (env.DATABASE_READ_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
    replicaWaitMs: integer(env.READ_REPLICA_WAIT_MS, 1000, 'READ_REPLICA_WAIT_MS'),
    dataDir: env.DATA_DIR || '.data',
    port: integer(env.PORT, 4000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    logLevel: env.LOG_LEVEL || 'info',
    poolSize: integer(env.DB_POOL_SIZE, 20, 'DB_POOL_SIZE'),
    pollIntervalMs: integer(env.POLL_INTERVAL_MS, 1000, 'POLL_INTERVAL_MS'),
    debugHeapEndpoint: env.DEBUG_HEAP_ENDPOINT === '1',
    leaderRetryMs: integer(env.LEADER_RETRY_MS, 1000, 'LEADER_RETRY_MS'),
    activityWebhookSecret: env.ACTIVITY_WEBHOOK_SECRET || undefined,
    production: env.NODE_ENV === 'production',
    auth: loadAuthConfig(env),
    limits: loadLimits(env, env.NODE_ENV === 'production'),
    cors: loadCorsConfig(env, env.NODE_ENV === 'production'),
  };
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}
