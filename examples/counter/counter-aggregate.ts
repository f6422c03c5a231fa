import { defineAggregate } from '../../src/es/index.js';
import { CounterAtLimit, type CounterCommand, type CounterEvent, counterCommands } from './counter-commands.js';

/** A counter from 0 to 10; it belongs to whoever first increments it. */
export const counterAggregate = defineAggregate<{ count: number }, CounterCommand, CounterEvent>({
  name: 'counter',
  commands: counterCommands,
  ownership: { claimedBy: ['Incremented'] },
  initialState: { count: 0 },
  execute: (state, { counterId }) =>
    state.count >= 10 ? new CounterAtLimit() : { type: 'Incremented', data: { counterId, count: state.count + 1 } },
  apply: (_state, event) => ({ count: event.data.count }),
});
