import { describe, it } from 'vitest';
import { arenaAggregate } from '../../../src/domains/arena/arena-aggregate.js';
import type { ArenaEvent } from '../../../src/domains/arena/arena-events.js';
import { aggregateSpec } from '../../../src/es/testing/aggregate-spec.js';

const arena = aggregateSpec(arenaAggregate);
const arenaId = 'crypt';
const killed = (attacker: string, kills: number, week = 1): ArenaEvent => ({
  type: 'ZombieKilled',
  data: { arenaId, week, attacker, kills },
});
const completed = (week: number): ArenaEvent => ({ type: 'WeekCompleted', data: { arenaId, week } });

describe('arena aggregate', () => {
  it('counts each attacker’s kills of the week', () => {
    arena.given().when({ type: 'RecordKill', arenaId, attacker: 'ash' }).then(killed('ash', 1));
    arena.given(killed('ash', 1)).when({ type: 'RecordKill', arenaId, attacker: 'ash' }).then(killed('ash', 2));
    arena.given(killed('ash', 1), killed('ash', 2)).when({ type: 'RecordKill', arenaId, attacker: 'bo' }).then(killed('bo', 1));
  });

  it('completes the week being played', () => {
    arena.given(killed('ash', 1)).when({ type: 'CompleteWeek', arenaId }).then(completed(1));
    arena.given(killed('ash', 1), completed(1)).when({ type: 'CompleteWeek', arenaId }).then(completed(2));
  });

  it('starts the new week with every score at zero', () => {
    arena
      .given(killed('ash', 1), killed('ash', 2), completed(1))
      .when({ type: 'RecordKill', arenaId, attacker: 'ash' })
      .then(killed('ash', 1, 2));
    arena.given(killed('ash', 1), killed('ash', 2), completed(1)).thenState({ open: true, week: 2, kills: {} });
  });

  it('refuses to complete a week of an arena that never saw a kill', () => {
    arena.given().when({ type: 'CompleteWeek', arenaId }).thenError('ARENA_NOT_FOUND');
  });

  it('counts attackers whose names are also object keys like any other', () => {
    arena.given().when({ type: 'RecordKill', arenaId, attacker: 'constructor' }).then(killed('constructor', 1));
    arena.given(killed('__proto__', 1)).when({ type: 'RecordKill', arenaId, attacker: '__proto__' }).then(killed('__proto__', 2));
  });
});
