import { ValidationError } from '../domain-error.js';
import type { Middleware } from '../middleware.js';

/** Checks the command against its registered schema and reports every failing field at once. */
export function validation(): Middleware {
  return {
    name: 'validation',
    before({ command, registration }) {
      if (!registration.schema) return;
      const result = registration.schema.safeParse(command);
      if (result.success) return;
      throw new ValidationError(result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })));
    },
  };
}
