import { ValidationError } from '../domain-error.js';
import type { Middleware } from '../middleware.js';

/** Checks the command against its declared (or registered) schema and reports every failing field at once. */
export function validation(): Middleware {
  return {
    name: 'validation',
    before({ command, registration, aggregate }) {
      const schema = aggregate.commands?.[command.type]?.schema ?? registration.schema;
      if (!schema) return;
      const result = schema.safeParse(command);
      if (result.success) return;
      throw new ValidationError(result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })));
    },
  };
}
