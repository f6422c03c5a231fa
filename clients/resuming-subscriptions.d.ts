import type { Client, ClientOptions, createClient, ExecutionResult, Sink, SubscribePayload } from 'graphql-ws';

export type ResumingClientState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface ResumingClientOptions extends Omit<ClientOptions, 'retryAttempts' | 'retryWait' | 'shouldRetry'> {
  /** Reconnects in a row before the waiting subscriptions fail with the last error; default Infinity. */
  retryAttempts?: number;
  /** Resolves when to try again; default `defaultRetryWait` (0.5 s doubling up to 15 s, with jitter). */
  retryWait?: (attempt: number) => Promise<void>;
  onStateChange?: (state: ResumingClientState) => void;
}

export interface ResumingSubscriptionOptions<Data> {
  /** The position of a result; default: the `position` of its one root field. */
  positionOf?: (result: ExecutionResult<Data, unknown>) => string | undefined;
  /** The variable that takes the position to resume after; default `after`. */
  afterVariable?: string;
  /** Subscribe again (after the position) when the server completes the subscription, e.g. shutting down; default false. */
  resumeOnComplete?: boolean;
}

export interface ResumingClient {
  /** Subscribes; `sink.next` gets each result once, in order, across reconnects. Returns what ends the subscription. */
  subscribe<Data = Record<string, unknown>>(
    request: SubscribePayload,
    sink: Sink<ExecutionResult<Data, unknown>>,
    options?: ResumingSubscriptionOptions<Data>,
  ): () => void;
  readonly state: ResumingClientState;
  /** The graphql-ws client underneath. */
  readonly client: Client;
  dispose(): Promise<void>;
}

export function createResumingClient(create: typeof createClient, options: ResumingClientOptions): ResumingClient;
export function defaultRetryWait(attempt: number): Promise<void>;
export function isLaterPosition(a: string, b: string): boolean;
export function rootFieldPosition(result: unknown): string | undefined;
export function isRetryable(error: unknown): boolean;
