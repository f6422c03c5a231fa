import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface EventsTable {
  position: number;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  data: ColumnType<unknown, string, string>;
  metadata: ColumnType<Record<string, unknown>, string, string>;
  correlation_id: string | null;
  causation_id: string | null;
  actor: string | null;
  occurred_at: Timestamp;
  /** The schema version `data` was written at (docs/upcasting.md); 1 for every event stored before versions existed. */
  schema_version: ColumnType<number, number | undefined, never>;
}

export interface EventStoreTables {
  event_store_head: { id: number; position: number };
  streams: { stream_id: string; version: number; created_at: Generated<Date> };
  events: EventsTable;
  stream_links: { stream_id: string; version: number; position: number };
  snapshots: {
    stream_id: string;
    version: number;
    schema_version: number;
    state: ColumnType<unknown, string, string>;
    created_at: Generated<Date>;
  };
  /** Every snapshot taken, for loads as of a past version (`snapshots` keeps the newest only). */
  snapshot_history: {
    stream_id: string;
    schema_version: number;
    version: number;
    state: ColumnType<unknown, string, string>;
    created_at: Generated<Date>;
  };
  checkpoints: { name: string; position: number; updated_at: Generated<Date> };
  dead_letters: {
    id: Generated<number>;
    handler: string;
    position: number;
    event_id: string;
    event_type: string;
    error: string;
    attempts: number;
    failed_at: Generated<Date>;
    retried_at: Date | null;
  };
  process_instances: {
    manager: string;
    instance_id: string;
    state: ColumnType<unknown, string, string>;
    updated_at: Generated<Date>;
  };
  unique_claims: { scope: string; value: string; owner: string; claimed_at: Generated<Date> };
  command_refusals: {
    command_id: string;
    stream_id: string;
    code: string;
    message: string;
    /** The refusal's own data besides code and message (`refusalDetails`); null when it has none. */
    details: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
    refused_at: Generated<Date>;
  };
}
