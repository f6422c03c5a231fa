import type { AppendResult } from './append-result.js';
import type { ExpectedVersion } from './expected-version.js';

/** An event ready to be written: id, serialised data and metadata columns all decided. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
  correlationId: string;
  causationId: string | null;
  actor: string | null;
  occurredAt: Date;
}

export type WriteRequest =
  | { kind: 'append'; streamId: string; expected: ExpectedVersion; events: PreparedEvent[] }
  | { kind: 'link'; streamId: string; expected: ExpectedVersion; positions: number[] };

export type WriteOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };
