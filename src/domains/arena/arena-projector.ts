import type { Transaction } from 'kysely';
import { defineProjector } from '../../es/index.js';
import type { ArenaEvent } from './arena-events.js';
import type { ArenaTables } from './arena-tables.js';

export const ARENA_PROJECTION = 'arena-scores';

/** The arena's row moves to `week`, never backwards, whichever event comes first. */
async function arenaAt(trx: Transaction<ArenaTables>, arenaId: string, week: number, version: number): Promise<void> {
  await trx
    .insertInto('arenas')
    .values({ arena_id: arenaId, current_week: week, version })
    .onConflict((conflict) =>
      conflict
        .column('arena_id')
        .doUpdateSet((eb) => ({ current_week: eb.ref('excluded.current_week'), version: eb.ref('excluded.version') }))
        .where('arenas.version', '<', (eb) => eb.ref('excluded.version')),
    )
    .execute();
}

/**
 * Scores per arena, week and attacker. Each kill carries the attacker's new total, so a row is
 * set rather than counted up, and a kill applied twice changes nothing. A completed week's rows
 * stay as they are: the new week starts with none.
 */
export const arenaProjector = defineProjector<ArenaTables, ArenaEvent>({
  name: ARENA_PROJECTION,
  tables: ['arenas', 'arena_scores'],
  handlers: {
    ZombieKilled: async (trx, event) => {
      const { arenaId, week, attacker, kills } = event.data;
      await arenaAt(trx, arenaId, week, event.version);
      await trx
        .insertInto('arena_scores')
        .values({ arena_id: arenaId, week, attacker, kills, reached_position: event.position })
        .onConflict((conflict) =>
          conflict
            .columns(['arena_id', 'week', 'attacker'])
            .doUpdateSet((eb) => ({ kills: eb.ref('excluded.kills'), reached_position: eb.ref('excluded.reached_position') }))
            .where('arena_scores.kills', '<', (eb) => eb.ref('excluded.kills')),
        )
        .execute();
    },
    WeekCompleted: async (trx, event) => {
      await arenaAt(trx, event.data.arenaId, event.data.week + 1, event.version);
    },
  },
  async reset(db) {
    await db.deleteFrom('arena_scores').execute();
    await db.deleteFrom('arenas').execute();
  },
});
