/** After a `strong` command its projection has the row: its absence is a bug (masked and logged), not a client error. */
export function readBack<Row>(row: Row | null | undefined, what: string): Row {
  if (row === null || row === undefined) throw new Error(`${what} is missing from its projection after a strong command`);
  return row;
}
