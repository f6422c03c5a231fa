import { describe, expect, it } from 'vitest';
import { WalMarks } from '../../src/graphql/consistency/wal-marks.js';

describe('WalMarks', () => {
  it('answers the earliest WAL location at which the projectors had the position or a later one', () => {
    const marks = new WalMarks();
    marks.record(10, '0/3000100');
    marks.record(20, '0/3000200');
    marks.record(30, '0/3000300');
    expect(marks.covering(5)).toBe('0/3000100');
    expect(marks.covering(10)).toBe('0/3000100');
    expect(marks.covering(11)).toBe('0/3000200');
    expect(marks.covering(30)).toBe('0/3000300');
    expect(marks.covering(31)).toBeUndefined();
  });

  it('compares locations as 64-bit numbers, not as text: 1/0 comes after 0/FFFFFFFF, and 0/100 after 0/FF', () => {
    const marks = new WalMarks();
    marks.record(50, '1/0');
    marks.record(40, '0/FFFFFFFF');
    expect(marks.covering(40)).toBe('0/FFFFFFFF');
    const hex = new WalMarks();
    hex.record(9, '0/100');
    hex.record(7, '0/FF');
    expect(hex.covering(7)).toBe('0/FF');
  });

  it('keeps only the latest marks', () => {
    const marks = new WalMarks();
    marks.record(1, '0/1');
    for (let position = 2; position <= 200; position++) marks.record(position, `0/${position.toString(16)}`);
    expect(marks.covering(1)).toBe(`0/${(200 - 127).toString(16)}`);
  });

  it('keeps no mark another says more than (as far along the log, at an earlier location): those would push useful marks out', () => {
    const marks = new WalMarks();
    marks.record(20, '0/200');
    for (let n = 0; n < 200; n++) marks.record(20 - (n % 5), `0/${(0x300 + n).toString(16)}`);
    expect(marks.covering(1)).toBe('0/200');
    expect(marks.covering(20)).toBe('0/200');
    marks.record(21, '0/1000');
    expect(marks.covering(21)).toBe('0/1000');
    expect(marks.covering(20)).toBe('0/200');
  });
});
