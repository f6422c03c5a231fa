import type { CommandContext, ExecutionResult } from './command-context.js';

/** Runs around every dispatch: `before` in order (it may throw to refuse), then one of the `after` hooks in reverse. */
export interface Middleware {
  readonly name: string;
  before?(context: CommandContext): Promise<void> | void;
  afterSuccess?(context: CommandContext, result: ExecutionResult): Promise<void> | void;
  afterFailure?(context: CommandContext, error: unknown): Promise<void> | void;
}
