import { sql } from 'kysely';
import type { Chronicle } from './chronicle.js';
import type { RuntimeKind, RuntimeState } from '../es/index.js';

export interface HealthReport {
  /** `ok`; `degraded` while a runtime is failing; `draining` during shutdown; `unavailable` without a database. */
  status: 'ok' | 'degraded' | 'draining' | 'unavailable';
  database: { status: 'up' | 'down'; dialect: string; latencyMs?: number };
  /** The head of the log, as a decimal position. */
  head?: string;
  projections: Array<{ name: string; kind: RuntimeKind; status: RuntimeState; checkpoint: string; lag: number }>;
}

const DATABASE_TIMEOUT_MS = 2_000;

/** The database's reachability and where each projector, handler and process manager stands. */
export async function checkHealth(app: Chronicle, { draining }: { draining: boolean }): Promise<HealthReport> {
  const started = performance.now();
  try {
    await withTimeout(sql`select 1`.execute(app.database.db), DATABASE_TIMEOUT_MS);
  } catch (error) {
    // The reason stays in the log: a public endpoint does not describe the infrastructure.
    app.logger.warn({ err: error }, 'health check: database unreachable');
    return {
      status: draining ? 'draining' : 'unavailable',
      database: { status: 'down', dialect: app.database.dialect },
      projections: [],
    };
  }
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  const statuses = await app.runtimes.status();
  const head = statuses[0]?.head ?? (await app.store.head());
  return {
    status: draining ? 'draining' : statuses.some((runtime) => runtime.state === 'failed') ? 'degraded' : 'ok',
    database: { status: 'up', dialect: app.database.dialect, latencyMs },
    head: String(head),
    projections: statuses.map((runtime) => ({
      name: runtime.name,
      kind: runtime.kind,
      status: runtime.state,
      checkpoint: String(runtime.checkpoint),
      lag: runtime.lag,
    })),
  };
}

/** 200 while the instance can serve (a failing runtime still can), 503 otherwise. */
export function healthStatusCode(report: HealthReport): number {
  return report.status === 'ok' || report.status === 'degraded' ? 200 : 503;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
