import { defineAggregate, type DomainEvent } from '../../es/index.js';
import { type AthleteCommand, athleteCommands } from './athlete-commands.js';

export type AthleteEvent = DomainEvent<'AthleteRegistered', { athleteId: string }>;

/**
 * An athlete id and who it belongs to: whoever first joins it to a challenge registers it, and
 * only they join, move or leave it from then on. Registering again is a no-op.
 */
export const athleteAggregate = defineAggregate<{ registered: boolean }, AthleteCommand, AthleteEvent>({
  name: 'athlete',
  commands: athleteCommands,
  ownership: { claimedBy: ['AthleteRegistered'] },
  initialState: { registered: false },
  execute: (state, { athleteId }) => (state.registered ? [] : { type: 'AthleteRegistered', data: { athleteId } }),
  apply: () => ({ registered: true }),
});
