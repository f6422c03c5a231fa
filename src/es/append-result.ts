/** What an append (or a link) did: the stream's version after it, and each event's global position. */
export interface AppendResult {
  streamId: string;
  version: number;
  positions: number[];
  /** Every event of the append was stored already: nothing was written, this is the stored append's result. */
  replayed?: boolean;
}
