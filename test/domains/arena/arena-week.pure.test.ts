import { describe, expect, it } from 'vitest';
import { weekEndAfter } from '../../../src/domains/arena/arena-week.js';

describe('the arcade week', () => {
  it('ends at the first Monday midnight UTC after the time given', () => {
    expect(weekEndAfter('2030-05-08T15:30:00Z')).toBe('2030-05-13T00:00:00.000Z'); // a Wednesday
    expect(weekEndAfter('2030-05-11T23:59:59.999Z')).toBe('2030-05-13T00:00:00.000Z'); // a Saturday
    expect(weekEndAfter('2030-05-12T23:59:59.999Z')).toBe('2030-05-13T00:00:00.000Z'); // a Sunday
    expect(weekEndAfter('2030-05-13T09:00:00Z')).toBe('2030-05-20T00:00:00.000Z'); // a Monday morning
  });

  it('runs a whole week from a Monday midnight, the moment a scheduled reset happens', () => {
    expect(weekEndAfter('2030-05-13T00:00:00.000Z')).toBe('2030-05-20T00:00:00.000Z');
  });

  it('crosses months and years', () => {
    expect(weekEndAfter('2030-12-31T12:00:00Z')).toBe('2031-01-06T00:00:00.000Z'); // a Tuesday
    expect(weekEndAfter('2032-02-28T12:00:00Z')).toBe('2032-03-01T00:00:00.000Z'); // a Saturday before a leap day
  });
});
