import { describe, expect, it } from 'vitest';
import { aggregateOfStream, UnknownStreamCategoryError } from '../../src/es/time-travel/aggregate-of-stream.js';

const registered = [{ name: 'account' }, { name: 'coin-account' }, { name: 'calculator' }];

describe('aggregateOfStream', () => {
  it("finds the aggregate by the stream id's category", () => {
    expect(aggregateOfStream(registered, 'account-A-1')).toEqual({ name: 'account' });
    expect(aggregateOfStream(registered, 'calculator-7')).toEqual({ name: 'calculator' });
  });

  it('prefers the longest name, so a coin account is not taken for an account', () => {
    expect(aggregateOfStream(registered, 'coin-account-bob')).toEqual({ name: 'coin-account' });
  });

  it('refuses a stream of no registered category, or with no identity after the name', () => {
    for (const streamId of ['order-1', 'accounts-1', 'account-', 'account']) {
      expect(() => aggregateOfStream(registered, streamId)).toThrow(UnknownStreamCategoryError);
    }
  });
});
