import type { CommandSchema } from './command-registration.js';
import type { AnyDomainErrorClass } from './domain-error.js';

/**
 * A command declared once: the schema its fields must pass (a zod schema fits) and every refusal
 * it can meet. Its TypeScript type is inferred from the schema (`CommandOf`), the validation
 * middleware checks it, and a mutation that sends it answers with exactly these refusals.
 */
export interface CommandDeclaration<Schema extends CommandSchema = CommandSchema> {
  schema: Schema;
  /** Every domain error the command can be refused with: by its aggregate, or by a uniqueness claim. */
  refusals: readonly AnyDomainErrorClass[];
}

export type CommandDeclarations = Readonly<Record<string, CommandDeclaration>>;

/** Declares the commands an aggregate takes, keyed by command type. */
export function defineCommands<const Declarations extends CommandDeclarations>(declarations: Declarations): Declarations {
  return declarations;
}

/** The output type of a Standard Schema (zod 4 and friends carry it in `~standard.types`). */
type SchemaOutput<Schema> = Schema extends { '~standard': { types?: infer Types } }
  ? NonNullable<Types> extends { output: infer Output }
    ? Output
    : never
  : never;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The union of the declared commands: `{ type: 'Deposit'; accountNumber: string; amount: number } | …`. */
export type CommandOf<Declarations extends CommandDeclarations> = {
  [Type in keyof Declarations & string]: Flatten<{ type: Type } & SchemaOutput<Declarations[Type]['schema']>>;
}[keyof Declarations & string];
