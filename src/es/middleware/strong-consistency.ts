import type { Middleware } from '../middleware.js';

/** Resolves once the named projections (every projector when none are named) have processed `position`. */
export type WaitForProjections = (position: number, projections?: readonly string[]) => Promise<void>;

/**
 * `consistency: 'strong'`: once a command's events are stored, waits until the projections its
 * dispatch names have processed them, so the caller reads its own write from them. List it
 * first: its `afterSuccess` then runs last, after every other middleware is done, and its wait
 * is not part of the command's measured time. A router without it answers every dispatch eventually.
 */
export function strongConsistency(waitForProjections: WaitForProjections): Middleware {
  return {
    name: 'strong-consistency',
    afterSuccess({ consistency, projections }, result) {
      if (consistency === 'strong' && result.position !== undefined) return waitForProjections(result.position, projections);
    },
  };
}
