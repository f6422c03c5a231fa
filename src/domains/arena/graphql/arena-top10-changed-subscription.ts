import { everyone, followLatest, streamIdOf } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { arenaAggregate } from '../arena-aggregate.js';
import { arenaEventTypes } from '../arena-events.js';
import { ARENA_PROJECTION } from '../arena-projector.js';
import { ArenaScoreType } from './arena-type.js';
import { type ArenaScore, findArenaWeek, findTop } from './arena-reads.js';

interface ArenaTop10 {
  arenaId: string;
  week: number;
  top10: ArenaScore[];
}

const ArenaTop10Type = builder.objectRef<ArenaTop10>('ArenaTop10').implement({
  description: 'The ten best attackers of an arena’s current week.',
  fields: (t) => ({
    arenaId: t.exposeString('arenaId'),
    week: t.exposeInt('week'),
    top10: t.field({ type: [ArenaScoreType], resolve: (top) => top.top10 }),
  }),
});

function sameTop10(a: ArenaTop10, b: ArenaTop10): boolean {
  return (
    a.week === b.week &&
    a.top10.length === b.top10.length &&
    a.top10.every((score, index) => score.attacker === b.top10[index]!.attacker && score.kills === b.top10[index]!.kills)
  );
}

builder.subscriptionField('arenaTop10Changed', (t) =>
  t.field({
    access: everyone,
    type: ArenaTop10Type,
    description:
      'The current week’s top 10: first as it stands, then again whenever it changes (a new week starts empty). ' +
      'Bursts coalesce: a client reading slowly gets the latest top 10, never a queue of the ones in between.',
    args: { arenaId: t.arg.string({ required: true }) },
    subscribe: (_root, { arenaId }, ctx) =>
      followLatest(ctx.app.feed, {
        streamId: streamIdOf(arenaAggregate, arenaId),
        types: arenaEventTypes,
        caughtUp: (position) => ctx.app.runtimes.waitFor(position, [ARENA_PROJECTION]),
        read: async () => {
          const week = (await findArenaWeek(ctx, arenaId))?.week ?? 1;
          return { arenaId, week, top10: await findTop(ctx, arenaId, week) };
        },
        equals: sameTop10,
      }),
    resolve: (top) => top,
  }),
);
