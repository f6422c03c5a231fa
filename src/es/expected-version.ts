/**
 * What an append expects of its stream: any state, no stream yet, an existing stream,
 * or exactly version N (0 also means "no stream yet").
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

export function satisfiesExpectedVersion(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === 0;
    case 'stream_exists':
      return current > 0;
    default:
      return current === expected;
  }
}
