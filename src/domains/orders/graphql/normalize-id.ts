/**
 * UUIDs name the same thing in any case, but streams and read rows are keyed by the text: ids
 * from clients are lower-cased on the way in. Anything that is not a UUID is left for
 * validation to report as it was sent.
 */
export function normalizeId(id: string | number): string {
  const text = String(id);
  return UUID.test(text) ? text.toLowerCase() : text;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
