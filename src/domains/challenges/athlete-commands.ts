import { z } from 'zod';
import { type CommandOf, defineCommands } from '../../es/index.js';
import { idSchema } from './challenge-values.js';

/** Registering an athlete again is a no-op, so it is never refused. */
export const athleteCommands = defineCommands({
  RegisterAthlete: { schema: z.object({ athleteId: idSchema }), refusals: [] },
});

export type AthleteCommand = CommandOf<typeof athleteCommands>;
