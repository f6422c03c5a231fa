import type { Kysely } from 'kysely';
import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { ArenaTables } from '../arena-tables.js';

export interface ArenaScore {
  attacker: string;
  kills: number;
  rank: number;
}

/** One arena in one week, the current one or a past one. */
export interface ArenaWeek {
  arenaId: string;
  week: number;
  currentWeek: number;
}

const db = (ctx: GraphQLContext): Kysely<ArenaTables> => tables<ArenaTables>(ctx.reads);

/**
 * The arena in `week` (its current week when omitted); undefined for an arena without a kill, or
 * a week it has not reached.
 */
export async function findArenaWeek(ctx: GraphQLContext, arenaId: string, week?: number): Promise<ArenaWeek | undefined> {
  const arena = await db(ctx).selectFrom('arenas').selectAll().where('arena_id', '=', arenaId).executeTakeFirst();
  if (!arena) return undefined;
  const shown = week ?? arena.current_week;
  if (shown < 1 || shown > arena.current_week) return undefined;
  return { arenaId, week: shown, currentWeek: arena.current_week };
}

/**
 * The ranking: most kills first; on equal kills, whoever reached that number first ranks higher,
 * so a tie never flips as the week goes on. Ranks are 1, 2, 3... with no two attackers sharing one.
 */
export async function findTop(ctx: GraphQLContext, arenaId: string, week: number, first = 10): Promise<ArenaScore[]> {
  const rows = await db(ctx)
    .selectFrom('arena_scores')
    .select(['attacker', 'kills'])
    .where('arena_id', '=', arenaId)
    .where('week', '=', week)
    .orderBy('kills', 'desc')
    .orderBy('reached_position')
    .limit(first)
    .execute();
  return rows.map((row, index) => ({ ...row, rank: index + 1 }));
}

/** One attacker's kills and rank in a week; undefined before their first kill of that week. */
export async function findScore(ctx: GraphQLContext, arenaId: string, week: number, attacker: string): Promise<ArenaScore | undefined> {
  const row = await db(ctx)
    .selectFrom('arena_scores as mine')
    .where('mine.arena_id', '=', arenaId)
    .where('mine.week', '=', week)
    .where('mine.attacker', '=', attacker)
    .select((eb) => [
      'mine.attacker',
      'mine.kills',
      eb
        .selectFrom('arena_scores as ahead')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .whereRef('ahead.arena_id', '=', 'mine.arena_id')
        .whereRef('ahead.week', '=', 'mine.week')
        .where((inner) =>
          inner.or([
            inner('ahead.kills', '>', inner.ref('mine.kills')),
            inner.and([
              inner('ahead.kills', '=', inner.ref('mine.kills')),
              inner('ahead.reached_position', '<', inner.ref('mine.reached_position')),
            ]),
          ]),
        )
        .as('ahead'),
    ])
    .executeTakeFirst();
  return row && { attacker: row.attacker, kills: row.kills, rank: Number(row.ahead) + 1 };
}
