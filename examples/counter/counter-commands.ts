import { z } from 'zod';
import { type CommandOf, defineCommands, domainError } from '../../src/es/index.js';

export const CounterAtLimit = domainError('COUNTER_AT_LIMIT', 'The counter is at 10', 'A counter counts to 10 at most.');

export const counterCommands = defineCommands({
  Increment: { schema: z.object({ counterId: z.string().min(1) }), refusals: [CounterAtLimit] },
});

export type CounterCommand = CommandOf<typeof counterCommands>;
export type CounterEvent = { type: 'Incremented'; data: { counterId: string; count: number } };
