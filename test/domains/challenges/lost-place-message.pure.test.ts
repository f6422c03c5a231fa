import { describe, expect, it } from 'vitest';
import { lostPlaceMessage } from '../../../src/domains/challenges/lost-place-message.js';
import { ordinal } from '../../../src/domains/challenges/ordinal.js';

describe('lost-place message', () => {
  it('writes proper English ordinals', () => {
    const cases = {
      1: '1st',
      2: '2nd',
      3: '3rd',
      4: '4th',
      9: '9th',
      11: '11th',
      12: '12th',
      13: '13th',
      21: '21st',
      22: '22nd',
      23: '23rd',
      101: '101st',
      111: '111th',
      112: '112th',
      1_002: '1002nd',
    };
    for (const [n, expected] of Object.entries(cases)) expect(ordinal(Number(n))).toBe(expected);
  });

  it('says how many places, the new rank and the whole hours left', () => {
    const at = new Date('2024-05-30T15:30:00Z');
    const endDate = '2024-06-01T00:00:00Z';
    expect(lostPlaceMessage({ challengeName: 'Tour of May', category: 'OVERALL', places: 1, rank: 9, endDate, at })).toBe(
      'You lost 1 place in Tour of May: you are now 9th, 32 hours left',
    );
    expect(lostPlaceMessage({ challengeName: 'Tour of May', category: 'WOMEN', places: 3, rank: 22, endDate, at })).toBe(
      'You lost 3 places in Tour of May (women): you are now 22nd, 32 hours left',
    );
    expect(
      lostPlaceMessage({ challengeName: 'T', category: 'OVERALL', places: 1, rank: 2, endDate, at: new Date('2024-05-31T23:10:00Z') }),
    ).toBe('You lost 1 place in T: you are now 2nd, less than an hour left');
  });
});
