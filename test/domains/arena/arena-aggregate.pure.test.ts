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
const endFixed = (week: number, endsAt: string): ArenaEvent => ({ type: 'WeekEndFixed', data: { arenaId, week, endsAt } });

// Wednesday 8 May 2030; the week ends on Monday 13 May at midnight UTC.
const wednesday = '2030-05-08T15:30:00.000Z';
const monday = '2030-05-13T00:00:00.000Z';

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
    arena.given(killed('ash', 1), killed('ash', 2), completed(1)).thenState({ open: true, week: 2, kills: {}, weekEndsAt: null });
  });

  it('refuses to complete a week of an arena that never saw a kill', () => {
    arena.given().when({ type: 'CompleteWeek', arenaId }).thenError('ARENA_NOT_FOUND');
    arena.given().when({ type: 'CompleteWeek', arenaId, week: 1 }).thenError('ARENA_NOT_FOUND');
  });

  it('counts attackers whose names are also object keys like any other', () => {
    arena.given().when({ type: 'RecordKill', arenaId, attacker: 'constructor' }).then(killed('constructor', 1));
    arena.given(killed('__proto__', 1)).when({ type: 'RecordKill', arenaId, attacker: '__proto__' }).then(killed('__proto__', 2));
  });

  it('fixes the end of a week at its first kill: the next Monday, midnight UTC', () => {
    arena.given().when({ type: 'RecordKill', arenaId, attacker: 'ash', at: wednesday }).then(endFixed(1, monday), killed('ash', 1));
    arena
      .given(endFixed(1, monday), killed('ash', 1))
      .when({ type: 'RecordKill', arenaId, attacker: 'bo', at: wednesday })
      .then(killed('bo', 1));
    arena.given(endFixed(1, monday), killed('ash', 1)).thenState({ open: true, week: 1, kills: { ash: 1 }, weekEndsAt: monday });
  });

  it('fixes the end of the next week at its own first kill, and of a week begun before weeks ended by themselves', () => {
    arena
      .given(endFixed(1, monday), killed('ash', 1), completed(1))
      .when({ type: 'RecordKill', arenaId, attacker: 'ash', at: monday })
      .then(endFixed(2, '2030-05-20T00:00:00.000Z'), killed('ash', 1, 2));
    // An arena whose history has no WeekEndFixed (older events) gets one at its next kill.
    arena
      .given(killed('ash', 1), killed('ash', 2))
      .when({ type: 'RecordKill', arenaId, attacker: 'ash', at: wednesday })
      .then(endFixed(1, monday), killed('ash', 3));
  });

  it('completes the week the scheduled command names, and nothing once that week is over', () => {
    arena.given(endFixed(1, monday), killed('ash', 1)).when({ type: 'CompleteWeek', arenaId, week: 1 }).then(completed(1));
    // An admin completed week 1 first: the late scheduled completion of week 1 must not end week 2.
    arena.given(endFixed(1, monday), killed('ash', 1), completed(1)).when({ type: 'CompleteWeek', arenaId, week: 1 }).then();
  });
});
