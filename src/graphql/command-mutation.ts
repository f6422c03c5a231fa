import type { InputFieldMap, InputShapeFromFields, ObjectRef } from '@pothos/core';
import type { Aggregate, AnyDomainErrorClass, Command, DomainEvent, ExecutionResult } from '../es/index.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { dispatch } from './dispatch.js';
import { byCommand } from './field-access.js';
import { errorType } from './types/errors.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** Builds the fields of an `input` argument. */
export type InputFieldBuilder = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

type CommandFields<C extends Command, Type extends C['type']> = Omit<Extract<C, { type: Type }>, 'type'>;

interface CommandMutationOptions<C extends Command, Type extends C['type'], Fields extends InputFieldMap, Shape> {
  /** The aggregate that decides, with its declared commands (`defineCommands`). */
  aggregate: Aggregate<any, C, any>;
  /** The command the field sends: its access rule, schema and refusals are the field's. */
  command: Type;
  description: string;
  /** What the field answers with on success. */
  type: ObjectRef<Types, Shape>;
  /**
   * The field's arguments. `input` wraps them in one `<Field>Input` argument named `input`;
   * `args` takes them as they are (`closeAccount(accountNumber: String!)`).
   */
  arguments: { input: (t: InputFieldBuilder) => Fields } | { args: (t: ArgBuilder) => Fields };
  /** The command's fields from the arguments; by default the arguments are the command's fields as they are. */
  toCommand?: (args: InputShapeFromFields<Fields>, ctx: GraphQLContext) => CommandFields<C, Type>;
  /**
   * Projections the field waits for before `result` reads them: the dispatch is `strong`, so the
   * answer shows the command's own effect. Without them the dispatch is `eventual`.
   */
  waitFor?: readonly string[];
  /** The answer, read once the command is done: the row its projection has now, say (see `readBack`). */
  result: (ctx: GraphQLContext, command: Extract<C, { type: Type }>, execution: ExecutionResult<DomainEvent>) => Shape | Promise<Shape>;
}

/**
 * The declared refusals of `command`, each with its GraphQL type made: the `errors.types` of a
 * field that sends it (`commandMutation` does this itself; a field that sends several commands
 * lists the refusals of each).
 */
export function refusalsOf(aggregate: Aggregate<any, any, any>, command: string): AnyDomainErrorClass[] {
  const declaration = aggregate.commands?.[command];
  if (!declaration) throw new Error(`The ${aggregate.name} aggregate declares no command ${command}`);
  for (const refusal of declaration.refusals) errorType(refusal);
  return [...declaration.refusals];
}

type ArgBuilder = Parameters<Parameters<typeof builder.args>[0]>[0];

/**
 * A mutation that sends one command, declared once. Its access rule is the command's, its result
 * union is the command's declared refusals (plus validation and access refusals, for every
 * mutation), and the engine fills in actor, correlation and idempotency (`dispatch`).
 */
export function commandMutation<C extends Command, Type extends C['type'], Fields extends InputFieldMap, Shape>(
  field: string,
  options: CommandMutationOptions<C, Type, Fields, Shape>,
): void {
  const refusals = refusalsOf(options.aggregate, options.command);
  const fieldArguments =
    'input' in options.arguments
      ? builder.args((t) => ({
          input: t.field({
            type: builder.inputType(`${field.charAt(0).toUpperCase()}${field.slice(1)}Input`, { fields: (options.arguments as any).input }),
            required: true,
          }),
        }))
      : builder.args(options.arguments.args);
  const unwrap = (args: any): InputShapeFromFields<Fields> => ('input' in options.arguments ? args.input : args);

  builder.mutationField(field, (t) =>
    t.field({
      access: byCommand(options.command),
      type: options.type as ObjectRef<Types, unknown>,
      description: options.description,
      errors: { types: refusals as any },
      args: fieldArguments,
      resolve: async (_root: unknown, args: unknown, ctx: GraphQLContext) => {
        const input = unwrap(args);
        const fields = options.toCommand ? options.toCommand(input, ctx) : input;
        const command = { ...fields, type: options.command } as unknown as Extract<C, { type: Type }>;
        const execution = await dispatch(
          ctx,
          command,
          options.waitFor ? { consistency: 'strong', projections: [...options.waitFor] } : { consistency: 'eventual' },
        );
        return options.result(ctx, command, execution);
      },
    } as any),
  );
}
