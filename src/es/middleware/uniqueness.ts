import type { Kysely } from 'kysely';
import type { EventStoreTables } from '../event-store-tables.js';
import type { UniqueClaim } from '../command-registration.js';
import type { Middleware } from '../middleware.js';
import { streamIdOf } from '../aggregate.js';

const CLAIMED = 'uniqueness.claimed';

/**
 * Claims each business key for the command's aggregate in `unique_claims`, whose primary key
 * makes the database the referee between racing commands: exactly one owner wins. A claim the
 * same aggregate already holds passes (a retry); claims taken by a command that fails are released.
 */
export function uniqueness(db: Kysely<EventStoreTables>): Middleware {
  return {
    name: 'uniqueness',
    async before(context) {
      const claims = context.registration.unique?.(context.command) ?? [];
      if (claims.length === 0) return;
      const owner = streamIdOf(context.aggregate, String(context.command[context.registration.identity]));
      const taken: UniqueClaim[] = [];
      context.assigns.set(CLAIMED, taken);
      for (const claim of claims) {
        const inserted = await db
          .insertInto('unique_claims')
          .values({ scope: claim.scope, value: claim.value, owner })
          .onConflict((conflict) => conflict.doNothing())
          .returning('value')
          .executeTakeFirst();
        if (inserted) {
          taken.push(claim);
          continue;
        }
        const holder = await db
          .selectFrom('unique_claims')
          .select('owner')
          .where('scope', '=', claim.scope)
          .where('value', '=', claim.value)
          .executeTakeFirst();
        if (holder?.owner !== owner) throw new claim.error();
      }
    },
    async afterFailure(context) {
      const taken = context.assigns.get(CLAIMED) as UniqueClaim[] | undefined;
      for (const claim of taken ?? []) {
        await db.deleteFrom('unique_claims').where('scope', '=', claim.scope).where('value', '=', claim.value).execute();
      }
    },
  };
}
