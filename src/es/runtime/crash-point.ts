/**
 * A test-only fault: with `CHRONICLE_CRASH_POINT=<point>:<runtime>[@<n>]` set, the process kills
 * itself (SIGKILL: no cleanup, no rollback but the database's own) the n-th time (default the
 * first) `runtime` reaches `point`. Fault tests use it to stop a real process at an exact spot,
 * say after a projector's writes but before their commit. Unset, it costs one comparison.
 */
const configured = parse(process.env.CHRONICLE_CRASH_POINT);
let hits = 0;

export function crashPoint(point: string, runtime: string): void {
  if (!configured || configured.point !== point || configured.runtime !== runtime) return;
  hits += 1;
  if (hits === configured.hit) process.kill(process.pid, 'SIGKILL');
}

function parse(value: string | undefined): { point: string; runtime: string; hit: number } | undefined {
  const match = value ? /^([\w-]+):([\w.-]+)(?:@(\d+))?$/.exec(value) : null;
  if (!match) return undefined;
  return { point: match[1]!, runtime: match[2]!, hit: match[3] ? Number(match[3]) : 1 };
}
