const DAY_MS = 24 * 60 * 60 * 1000;
const MONDAY = 1;

/**
 * The arcade's calendar: a week ends at Monday 00:00 UTC. Answers the first such boundary strictly
 * after `at`, so a week whose clock starts on a Monday at midnight runs until the next Monday.
 */
export function weekEndAfter(at: string | Date): string {
  const time = new Date(at);
  const midnight = Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate());
  const daysToMonday = (MONDAY - time.getUTCDay() + 7) % 7 || 7;
  return new Date(midnight + daysToMonday * DAY_MS).toISOString();
}
