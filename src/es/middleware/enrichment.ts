import type { Kysely } from 'kysely';
import type { Middleware } from '../middleware.js';

/** Lets a command's registration add looked-up data (from the read side) before the aggregate decides. */
export function enrichment(db: Kysely<any>): Middleware {
  return {
    name: 'enrichment',
    async before(context) {
      if (context.registration.enrich) context.command = await context.registration.enrich(context.command, { db });
    },
  };
}
