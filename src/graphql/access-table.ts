import { type GraphQLField, type GraphQLSchema, getNamedType, isObjectType } from 'graphql';
import type { AccessRule, CommandRouter } from '../es/index.js';

export interface AccessRow {
  /** `Mutation.withdraw`, or a command: `Withdraw (account)`. */
  operation: string;
  allows: string;
  /** The commands a mutation's rule defers to, when it does. */
  commands?: readonly string[];
}

type FieldRule = AccessRule & { commandTypes?: readonly string[] };

/** Who may run each operation of `schema`, from the rules the fields declare; a mutation shows its commands' rules. */
export function operationAccess(schema: GraphQLSchema, router: CommandRouter): AccessRow[] {
  const commands = new Map(router.commands().map((command) => [command.type, command]));
  const rows: AccessRow[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const rule = (field.extensions.pothosOptions as { access?: FieldRule } | undefined)?.access;
      const operation = `${root!.name}.${field.name}`;
      if (!rule) {
        rows.push({ operation, allows: 'NO RULE' });
      } else if (rule.commandTypes) {
        const allows = rule.commandTypes.map((type) => `${type}: ${commands.get(type)?.registration.access.allows ?? 'NO SUCH COMMAND'}`);
        rows.push({ operation, allows: allows.join('; '), commands: rule.commandTypes });
      } else {
        rows.push({ operation, allows: [rule.allows, resultRule(field)].filter(Boolean).join('; ') });
      }
    }
  }
  return rows;
}

/** The rule of the object type a field answers with, when it has one: who may read what the field finds. */
function resultRule(field: GraphQLField<unknown, unknown>): string | undefined {
  const type = getNamedType(field.type);
  const rule = isObjectType(type) ? (type.extensions.pothosOptions as { access?: AccessRule } | undefined)?.access : undefined;
  return rule && `what it finds (${type.name}): ${rule.allows}`;
}

/** Who may send each registered command, whatever the entry point. */
export function commandAccess(router: CommandRouter): AccessRow[] {
  return router
    .commands()
    .map(({ type, aggregate, registration }) => ({ operation: `${type} (${aggregate.name})`, allows: registration.access.allows }))
    .sort((a, b) => a.operation.localeCompare(b.operation));
}

/** The two tables as Markdown, as docs/auth.md shows them. */
export function accessTablesMarkdown(schema: GraphQLSchema, router: CommandRouter): string {
  const table = (header: string, rows: AccessRow[]) =>
    [`| ${header} | who may |`, '| --- | --- |', ...rows.map((row) => `| \`${row.operation}\` | ${row.allows} |`)].join('\n');
  return `${table('operation', operationAccess(schema, router))}\n\n${table('command', commandAccess(router))}\n`;
}
