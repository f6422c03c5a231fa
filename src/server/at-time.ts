/** Node's timers wait at most 2^31-1 ms (about 24.8 days); a longer delay would fire at once. */
const LONGEST_DELAY = 2 ** 31 - 1;

/**
 * Calls `callback` once, when the clock reaches `when` (ms since the epoch), never before: a
 * timer that fires early (the wall clock moved) waits again. The returned function cancels it.
 */
export function atTime(when: number, callback: () => void, now: () => number = Date.now): () => void {
  let timer: NodeJS.Timeout;
  const wait = () => {
    timer = setTimeout(fire, Math.min(Math.max(when - now(), 0), LONGEST_DELAY));
  };
  const fire = () => (now() >= when ? callback() : wait());
  wait();
  return () => clearTimeout(timer);
}
