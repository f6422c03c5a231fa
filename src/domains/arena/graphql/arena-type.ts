import { builder } from '../../../graphql/builder.js';
import { type ArenaScore, type ArenaWeek, findScore, findTop } from './arena-reads.js';

export const ArenaScoreType = builder.objectRef<ArenaScore>('ArenaScore').implement({
  description: 'An attacker’s kills in one week and their place.',
  fields: (t) => ({
    attacker: t.exposeString('attacker'),
    kills: t.field({ type: 'SafeInt', resolve: (score) => score.kills }),
    rank: t.exposeInt('rank', {
      description: 'From 1: most kills first; on equal kills, whoever reached that number first. No two attackers share a rank.',
    }),
  }),
});

export const ArenaType = builder.objectRef<ArenaWeek>('Arena').implement({
  description: 'An arcade arena as it stands in one week.',
  fields: (t) => ({
    id: t.exposeString('arenaId'),
    week: t.exposeInt('week', { description: 'The week shown.' }),
    currentWeek: t.exposeInt('currentWeek', { description: 'The week being played now; earlier weeks are completed.' }),
    completed: t.boolean({ resolve: (arena) => arena.week < arena.currentWeek }),
    top10: t.field({
      type: [ArenaScoreType],
      description: 'The ten best attackers of the week, best first.',
      resolve: (arena, _args, ctx) => findTop(ctx, arena.arenaId, arena.week),
    }),
    score: t.field({
      type: ArenaScoreType,
      nullable: true,
      description: 'One attacker’s kills and rank in the week; null before their first kill of it.',
      args: { attacker: t.arg.string({ required: true }) },
      resolve: async (arena, { attacker }, ctx) => (await findScore(ctx, arena.arenaId, arena.week, attacker)) ?? null,
    }),
  }),
});
