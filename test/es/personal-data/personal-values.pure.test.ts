import { describe, expect, it } from 'vitest';
import { personalValues, replaceSealed, sealedValues } from '../../../src/es/personal-data/personal-values.js';

const where = { streamId: 'challenge-1', actor: 'user-1' };

describe('finding personal values by declared path', () => {
  it('finds a top-level field and names its subject', () => {
    const data = { accountNumber: 'ACC-1', holder: 'Ada' };
    const found = personalValues(data, { holder: (_holder, { actor }) => actor }, where);
    expect(found).toEqual([{ holder: data, field: 'holder', subject: 'user-1' }]);
  });

  it('follows * through arrays and objects, passing the keys it matched', () => {
    const data = {
      rankings: [
        { athleteId: 'a1', athleteName: 'Ann' },
        { athleteId: 'a2', athleteName: 'Bob' },
      ],
      competitors: { a3: { athleteName: 'Cy' } },
    };
    const fromRow = personalValues(data, { 'rankings.*.athleteName': (row: { athleteId: string }) => `athlete:${row.athleteId}` }, where);
    expect(fromRow.map(({ field, subject, holder }) => [field, subject, holder[field]])).toEqual([
      ['athleteName', 'athlete:a1', 'Ann'],
      ['athleteName', 'athlete:a2', 'Bob'],
    ]);
    const fromKey = personalValues(data, { 'competitors.*.athleteName': (_c, { matched }) => `athlete:${matched[0]}` }, where);
    expect(fromKey.map(({ subject }) => subject)).toEqual(['athlete:a3']);
  });

  it('skips missing, null and already sealed values, and falls back to the stream as subject', () => {
    const subject = () => undefined;
    expect(personalValues({}, { holder: subject }, where)).toEqual([]);
    expect(personalValues({ holder: null }, { holder: subject }, where)).toEqual([]);
    expect(personalValues({ holder: { $pii: 'v1.k.i.c' } }, { holder: subject }, where)).toEqual([]);
    expect(personalValues({ rankings: [] }, { 'rankings.*.athleteName': subject }, where)).toEqual([]);
    expect(personalValues({ holder: 'Ada' }, { holder: subject }, where)[0]?.subject).toBe('stream:challenge-1');
  });
});

describe('sealed values anywhere', () => {
  const sealed = { $pii: 'v1.k.i.c' };
  const value = { a: sealed, b: [1, { c: sealed }], d: 'plain', e: null };

  it('are all found', () => {
    expect(sealedValues(value)).toEqual([sealed, sealed]);
    expect(sealedValues({ plain: ['x'] })).toEqual([]);
  });

  it('are replaced in a copy, the rest kept', () => {
    expect(replaceSealed(value, () => '[erased]')).toEqual({ a: '[erased]', b: [1, { c: '[erased]' }], d: 'plain', e: null });
    expect(value.a).toBe(sealed);
  });
});
