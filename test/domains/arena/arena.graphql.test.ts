import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { arenaDomains } from './arena-domains.js';
import { ARENA, COMPLETE_WEEK, RECORD_KILL } from './arena-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ domains: arenaDomains().domains });
});
afterAll(() => t.stop());

let counter = 0;
const newArenaId = () => `arena-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

async function kill(arenaId: string, attacker: string) {
  const { data, errors } = await t.graphql(RECORD_KILL, { input: { arenaId, attacker } });
  expect(errors).toBeUndefined();
  return data!.recordKill;
}

const arena = async (id: string, attacker = '', week?: number) =>
  (await t.graphql(ARENA, { id, attacker, ...(week === undefined ? {} : { week }) })).data!.arena;

describe('arena', () => {
  it('records kills, answering each with the attacker’s score and rank', async () => {
    const arenaId = newArenaId();
    expect(await kill(arenaId, 'ash')).toEqual({ __typename: 'ArenaScore', attacker: 'ash', kills: 1, rank: 1 });
    expect(await kill(arenaId, 'bo')).toEqual({ __typename: 'ArenaScore', attacker: 'bo', kills: 1, rank: 2 });
    expect(await kill(arenaId, 'bo')).toEqual({ __typename: 'ArenaScore', attacker: 'bo', kills: 2, rank: 1 });
    expect(await arena(arenaId, 'ash')).toEqual({
      id: arenaId,
      week: 1,
      currentWeek: 1,
      completed: false,
      top10: [
        { attacker: 'bo', kills: 2, rank: 1 },
        { attacker: 'ash', kills: 1, rank: 2 },
      ],
      score: { attacker: 'ash', kills: 1, rank: 2 },
    });
  });

  it('ranks equal kills by who reached them first, and keeps that order as others score', async () => {
    const arenaId = newArenaId();
    for (const attacker of ['cy', 'ash', 'bo', 'ash', 'cy']) await kill(arenaId, attacker);
    // ash reached 2 before cy did; bo has 1.
    const order = async () => (await arena(arenaId))!.top10.map(({ attacker, kills, rank }) => [rank, attacker, kills]);
    expect(await order()).toEqual([
      [1, 'ash', 2],
      [2, 'cy', 2],
      [3, 'bo', 1],
    ]);
    await kill(arenaId, 'bo');
    expect(await order()).toEqual([
      [1, 'ash', 2],
      [2, 'cy', 2],
      [3, 'bo', 2],
    ]);
    await kill(arenaId, 'bo');
    expect(await order()).toEqual([
      [1, 'bo', 3],
      [2, 'ash', 2],
      [3, 'cy', 2],
    ]);
  });

  it('shows ten attackers in top10 and ranks everyone in score', async () => {
    const arenaId = newArenaId();
    // Attacker i kills i times: a1 has 1 kill, a12 has 12.
    for (let kills = 1; kills <= 12; kills++) for (let i = kills; i <= 12; i++) await kill(arenaId, `a${i}`);
    const view = (await arena(arenaId, 'a1'))!;
    expect(view.top10.map((score) => score.attacker)).toEqual(['a12', 'a11', 'a10', 'a9', 'a8', 'a7', 'a6', 'a5', 'a4', 'a3']);
    expect(view.top10.map((score) => score.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(view.score).toEqual({ attacker: 'a1', kills: 1, rank: 12 });
    expect((await arena(arenaId, 'nobody'))!.score).toBeNull();
  });

  it('completes a week: the new week starts empty, the past week stays readable', async () => {
    const arenaId = newArenaId();
    await kill(arenaId, 'ash');
    await kill(arenaId, 'ash');
    await kill(arenaId, 'bo');
    const { data } = await t.graphql(COMPLETE_WEEK, { arenaId });
    expect(data!.completeWeek).toEqual({ __typename: 'Arena', id: arenaId, week: 2, currentWeek: 2, completed: false, top10: [] });

    expect(await kill(arenaId, 'bo')).toEqual({ __typename: 'ArenaScore', attacker: 'bo', kills: 1, rank: 1 });
    expect(await arena(arenaId, 'ash')).toMatchObject({ week: 2, top10: [{ attacker: 'bo', kills: 1, rank: 1 }], score: null });
    expect(await arena(arenaId, 'ash', 1)).toEqual({
      id: arenaId,
      week: 1,
      currentWeek: 2,
      completed: true,
      top10: [
        { attacker: 'ash', kills: 2, rank: 1 },
        { attacker: 'bo', kills: 1, rank: 2 },
      ],
      score: { attacker: 'ash', kills: 2, rank: 1 },
    });
    expect(await arena(arenaId, 'ash', 3)).toBeNull();
    expect(await arena(arenaId, 'ash', 0)).toBeNull();
  });

  it('refuses to complete a week of an unknown arena, and blank names, appending nothing', async () => {
    const head = await t.app.store.head();
    const unknown = await t.graphql(COMPLETE_WEEK, { arenaId: newArenaId() });
    expect(unknown.data!.completeWeek).toMatchObject({ __typename: 'ArenaNotFoundError', code: 'ARENA_NOT_FOUND' });
    const blank = await t.graphql(RECORD_KILL, { input: { arenaId: newArenaId(), attacker: ' ' } });
    expect(blank.data!.recordKill).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'attacker' }] });
    expect(await t.app.store.head()).toBe(head);
    expect(await arena(newArenaId())).toBeNull();
  });

  it('keeps the same scores when the projection is rebuilt from scratch', async () => {
    const arenaId = newArenaId();
    for (const attacker of ['cy', 'ash', 'bo', 'ash', 'cy', 'bo']) await kill(arenaId, attacker);
    await t.graphql(COMPLETE_WEEK, { arenaId });
    await kill(arenaId, 'bo');
    const rows = () =>
      t.app.database.db.selectFrom('arena_scores').selectAll().where('arena_id', '=', arenaId).orderBy(['week', 'attacker']).execute();
    const before = await rows();
    expect(before).toHaveLength(4);
    await t.app.runtimes.rebuild('arena-scores');
    await t.settle();
    expect(await rows()).toEqual(before);
  });
});
