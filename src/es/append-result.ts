/** What an append (or a link) did: the stream's version after it, and each event's global position. */
export interface AppendResult {
  streamId: string;
  version: number;
  positions: number[];
}
