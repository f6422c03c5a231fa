import type { AccessRule } from './access/access-rule.js';
import type { Command } from './aggregate.js';
import type { DomainErrorClass } from './domain-error.js';

/** A schema that can check a command and list every problem at once (a zod schema fits). */
export interface CommandSchema {
  safeParse(
    value: unknown,
  ):
    | { success: true; data?: unknown }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** A business key that must be unique across aggregates, claimed before the command runs. */
export interface UniqueClaim {
  scope: string;
  value: string;
  /** The domain error to answer when another aggregate holds the key. */
  error: DomainErrorClass;
}

export interface EnrichmentContext {
  /** Read-side access for lookups (the router's database handle). */
  readonly db: import('kysely').Kysely<any>;
}

export interface CommandRegistration<C extends Command = Command> {
  /** The command field that holds the aggregate's identity. */
  identity: keyof C & string;
  /**
   * Who may send it, whatever the entry point: decided under the stream's lock against the state
   * the command executes on and its owner. Required: a command without a rule does not build.
   */
  access: AccessRule<C>;
  /** Checked by the validation middleware. */
  schema?: CommandSchema;
  /** Keys claimed by the uniqueness middleware; released again if the command fails. */
  unique?: (command: C) => UniqueClaim[];
  /** Adds looked-up data to the command before the aggregate sees it. */
  enrich?: (command: C, context: EnrichmentContext) => Promise<C>;
  /**
   * `stream`: a command to an existing aggregate joins the correlation its stream began with
   * (unless the dispatcher names one), so one business process spread over many requests
   * (an order from creation to delivery, say) reads back as one correlation. Default `command`:
   * each dispatch starts its own.
   */
  correlation?: 'command' | 'stream';
}
