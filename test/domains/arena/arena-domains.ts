import { SchedulingModule } from '../../../src/app/scheduling-module.js';
import { createArenaModule } from '../../../src/domains/arena/arena-module.js';
import { ManualClock } from '../../../src/es/testing/manual-clock.js';

/**
 * The arena slice and a scheduler on one clock, stopped at a Monday long ago unless a test brings
 * its own: kills are stamped with it and their weeks end a week later, which it never reaches, so
 * no week ends by itself behind a test's back (arena-week-clock.test.ts moves its clock).
 */
export function arenaDomains(clock = new ManualClock('2000-01-03T00:00:00Z')) {
  const scheduling = new SchedulingModule({ clock });
  return { clock, scheduling, domains: [createArenaModule({ clock }), scheduling] };
}
