import type { AppendResult } from './append-result.js';
import type { PreparedEvent } from './event-serialiser.js';
import type { ExpectedVersion } from './expected-version.js';

export type WriteRequest =
  | { kind: 'append'; streamId: string; expected: ExpectedVersion; events: PreparedEvent[] }
  | { kind: 'link'; streamId: string; expected: ExpectedVersion; positions: number[] };

export type WriteOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };
