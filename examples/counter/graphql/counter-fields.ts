import { type RecordedEvent, streamIdOf } from '../../../src/es/index.js';
import { builder } from '../../../src/graphql/builder.js';
import { commandMutation } from '../../../src/graphql/command-mutation.js';
import { type FieldInput, ownerOfField } from '../../../src/graphql/field-access.js';
import { readBack } from '../../../src/graphql/read-back.js';
import { counterAggregate } from '../counter-aggregate.js';
import type { CounterEvent } from '../counter-commands.js';
import { counterProjector } from '../counter-projector.js';
import { findCounter } from './counter-reads.js';
import { CounterType } from './counter-type.js';

/** Only the counter's owner reads it or follows it. */
const counterOwner = ownerOfField(counterAggregate, ({ args }: FieldInput<{ id: string | number }>) => String(args.id));

commandMutation('increment', {
  aggregate: counterAggregate,
  command: 'Increment',
  description: 'Adds one to a counter.',
  arguments: { args: (t) => ({ counterId: t.id({ required: true }) }) },
  toCommand: ({ counterId }) => ({ counterId: String(counterId) }),
  type: CounterType,
  waitFor: [counterProjector.name],
  result: async (ctx, { counterId }) => readBack(await findCounter(ctx, counterId), `Counter ${counterId}`),
});

builder.queryField('counter', (t) =>
  t.field({
    access: counterOwner,
    type: CounterType,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => findCounter(ctx, String(id)),
  }),
);

builder.subscriptionField('counterIncremented', (t) =>
  t.field({
    access: counterOwner,
    type: CounterType,
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, { id }, ctx) =>
      ctx.app.feed.follow({ streamId: streamIdOf(counterAggregate, String(id)) }) as AsyncIterable<
        RecordedEvent<'Incremented', CounterEvent['data']>
      >,
    resolve: (event) => ({ id: event.data.counterId, count: event.data.count }),
  }),
);
