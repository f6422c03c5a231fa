import { builder } from '../../../src/graphql/builder.js';

export const CounterType = builder.objectRef<{ id: string; count: number }>('Counter').implement({
  fields: (t) => ({ id: t.exposeID('id'), count: t.exposeInt('count') }),
});
