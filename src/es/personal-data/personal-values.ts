import type { PersonalFields, PersonalValueContext } from './personal-data-declaration.js';
import { isSealed, type SealedValue } from './sealed-value.js';

/** One personal value found in a shape: the object holding it, its field, and its subject. */
export interface PersonalValue {
  holder: Record<string, unknown>;
  field: string;
  subject: string;
}

/**
 * Every value of `root` at the declared paths that is present and not sealed yet, with its
 * subject. Paths that lead nowhere (an optional field, an empty list) find nothing.
 */
export function personalValues(root: unknown, fields: PersonalFields, where: Omit<PersonalValueContext, 'matched'>): PersonalValue[] {
  const found: PersonalValue[] = [];
  for (const [path, subjectOf] of Object.entries(fields)) {
    const segments = path.split('.');
    const field = segments.pop()!;
    for (const { value: holder, matched } of walk(root, segments, [])) {
      if (!isObject(holder) || holder[field] === undefined || holder[field] === null || isSealed(holder[field])) continue;
      const subject = subjectOf(holder, { ...where, matched }) ?? `stream:${where.streamId}`;
      found.push({ holder, field, subject });
    }
  }
  return found;
}

function* walk(value: unknown, segments: string[], matched: string[]): Generator<{ value: unknown; matched: string[] }> {
  if (segments.length === 0) {
    yield { value, matched };
    return;
  }
  if (!isObject(value) && !Array.isArray(value)) return;
  const [segment, ...rest] = segments as [string, ...string[]];
  if (segment === '*') {
    for (const [key, child] of Object.entries(value)) yield* walk(child, rest, [...matched, key]);
  } else {
    yield* walk((value as Record<string, unknown>)[segment], rest, matched);
  }
}

/** Every sealed value anywhere in `value`. */
export function sealedValues(value: unknown, found: SealedValue[] = []): SealedValue[] {
  if (isSealed(value)) found.push(value);
  else if (Array.isArray(value)) for (const item of value) sealedValues(item, found);
  else if (isObject(value)) for (const child of Object.values(value)) sealedValues(child, found);
  return found;
}

/** A copy of `value` with every sealed value replaced by `replace(sealed)`; untouched parts are shared. */
export function replaceSealed(value: unknown, replace: (sealed: SealedValue) => unknown): unknown {
  if (isSealed(value)) return replace(value);
  if (Array.isArray(value)) return value.map((item) => replaceSealed(item, replace));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, replaceSealed(child, replace)]));
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
