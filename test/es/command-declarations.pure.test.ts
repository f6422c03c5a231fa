import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type CommandOf, defineAggregate, defineCommands, domainError, UndeclaredRefusalError } from '../../src/es/index.js';
import { aggregateSpec } from '../../src/es/testing/aggregate-spec.js';

const Full = domainError('FULL', 'The jar is full', 'The jar holds 3 coins at most.');
const Empty = domainError('EMPTY', 'The jar is empty');

const jarCommands = defineCommands({
  Drop: { schema: z.object({ jarId: z.string(), coins: z.number().int().positive() }), refusals: [Full] },
  Take: { schema: z.object({ jarId: z.string() }), refusals: [] },
});
type JarCommand = CommandOf<typeof jarCommands>;
type JarEvent = { type: 'Dropped'; data: { coins: number } } | { type: 'Taken'; data: { jarId: string } };

/** A jar whose `Take` wrongly refuses with a refusal it does not declare. */
const jar = defineAggregate<{ coins: number }, JarCommand, JarEvent>({
  name: 'jar',
  commands: jarCommands,
  initialState: { coins: 0 },
  execute(state, command) {
    if (command.type === 'Drop') return state.coins + command.coins > 3 ? new Full() : { type: 'Dropped', data: { coins: command.coins } };
    return state.coins === 0 ? new Empty() : { type: 'Taken', data: { jarId: command.jarId } };
  },
  apply: (state, event) => (event.type === 'Dropped' ? { coins: state.coins + event.data.coins } : { coins: 0 }),
});

describe('a command declared once (pure)', () => {
  it('types the command from its schema', () => {
    expectTypeOf<Extract<JarCommand, { type: 'Drop' }>>().toEqualTypeOf<{ type: 'Drop'; jarId: string; coins: number }>();
    expectTypeOf<Extract<JarCommand, { type: 'Take' }>>().toEqualTypeOf<{ type: 'Take'; jarId: string }>();
  });

  it('lets a declared refusal through, and a declared error keeps its meaning', () => {
    const refusal = aggregateSpec(jar)
      .given({ type: 'Dropped', data: { coins: 3 } })
      .when({ type: 'Drop', jarId: 'j', coins: 1 })
      .thenError('FULL');
    expect(refusal.message).toBe('The jar is full');
    expect(Full.description).toBe('The jar holds 3 coins at most.');
  });

  it('throws (an unexpected error, masked for clients) when a refusal is not declared for its command', () => {
    expect(() => jar.execute({ coins: 0 }, { type: 'Take', jarId: 'j' })).toThrow(UndeclaredRefusalError);
    expect(() => jar.execute({ coins: 0 }, { type: 'Take', jarId: 'j' })).toThrow(/refused Take with EMPTY/);
  });

  it('checks fields with the declared schema', () => {
    expect(jarCommands.Drop.schema.safeParse({ jarId: 'j', coins: 0 }).success).toBe(false);
    expect(jarCommands.Drop.schema.safeParse({ jarId: 'j', coins: 2 }).success).toBe(true);
  });
});
