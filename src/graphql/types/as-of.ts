import { builder } from '../builder.js';

/** A point in an aggregate's past (docs/time-travel.md): exactly one of its fields, as `@oneOf` demands. */
export const AsOfInput = builder.inputType('AsOf', {
  isOneOf: true,
  description: "A point in the past: after the stream's `version`th event, or as it stood `at` a time (its events' occurredAt).",
  fields: (t) => ({
    version: t.int({ description: 'A stream version: 0 is before its first event; one beyond its head is refused.' }),
    at: t.field({ type: 'DateTime', description: 'Every event that occurred at or before this time, and none after.' }),
  }),
});
