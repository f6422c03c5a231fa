export type RuntimeKind = 'projector' | 'event-handler' | 'process-manager';
export type RuntimeState = 'starting' | 'catching-up' | 'live' | 'rebuilding' | 'standby' | 'stopped' | 'failed';

/** Where one checkpointed reader of the log stands. */
export interface RuntimeStatus {
  name: string;
  kind: RuntimeKind;
  checkpoint: number;
  head: number;
  /** Events between the checkpoint and the head of the log. */
  lag: number;
  state: RuntimeState;
  /** The last error, while the runtime is failing or retrying. */
  error?: string | undefined;
}
