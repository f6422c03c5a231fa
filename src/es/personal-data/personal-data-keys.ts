import { type Kysely, sql } from 'kysely';
import { newDataKey } from './sealed-value.js';

/** A subject's live data key, or the fact that the subject was erased. */
export type SubjectKey = { keyId: string; key: Buffer } | 'erased';

/** The `personal_data_keys` table (migration 0015): keys are read and created in batches, never one by one. */
export class PersonalDataKeys {
  constructor(private readonly db: Kysely<any>) {}

  /** Each subject's key, creating those that have none; an erased subject stays erased. */
  async forSubjects(subjects: readonly string[]): Promise<Map<string, SubjectKey>> {
    const fresh = subjects.map((subject) => ({ subject, key_id: crypto.randomUUID(), data_key: newDataKey().toString('hex') }));
    const { rows } = await sql<{ subject: string; key_id: string; data_key: string | null }>`
      with fresh as (
        select * from json_to_recordset(${JSON.stringify(fresh)}::json) as f(subject text, key_id uuid, data_key text)
      ),
      created as (
        insert into personal_data_keys (subject, key_id, data_key)
        select subject, key_id, decode(data_key, 'hex') from fresh
        on conflict (subject) do nothing
        returning subject, key_id, data_key
      )
      select subject, key_id::text, encode(data_key, 'hex') as data_key from created
      union all
      select subject, key_id::text, encode(data_key, 'hex') from personal_data_keys
      where subject in (select subject from fresh) and subject not in (select subject from created)
    `.execute(this.db);
    return new Map(
      rows.map((row) => [row.subject, row.data_key === null ? 'erased' : { keyId: row.key_id, key: Buffer.from(row.data_key, 'hex') }]),
    );
  }

  /** The live keys among `keyIds`, by id; an erased subject's key is not there. Never cached: an erasure counts at once. */
  async byIds(keyIds: readonly string[]): Promise<Map<string, Buffer>> {
    if (keyIds.length === 0) return new Map();
    const { rows } = await sql<{ key_id: string; data_key: string }>`
      select key_id::text, encode(data_key, 'hex') as data_key from personal_data_keys
      where key_id = any(${keyIds}::uuid[]) and data_key is not null
    `.execute(this.db);
    return new Map(rows.map((row) => [row.key_id, Buffer.from(row.data_key, 'hex')]));
  }

  /** The streams holding values sealed with a key: read once per erasure, so a scan of the log is affordable. */
  async streamsSealedWith(keyId: string): Promise<string[]> {
    const { rows } = await sql<{ stream_id: string }>`
      select distinct stream_id from events where data::text like ${`%${keyId}%`} order by stream_id
    `.execute(this.db);
    return rows.map((row) => row.stream_id);
  }

  /** Deletes the subject's key, leaving its tombstone; answers the id the key had, if it had one. */
  async erase(subject: string): Promise<string> {
    const { rows } = await sql<{ key_id: string }>`
      insert into personal_data_keys (subject, key_id, data_key, erased_at) values (${subject}, ${crypto.randomUUID()}, null, now())
      on conflict (subject) do update set data_key = null, erased_at = coalesce(personal_data_keys.erased_at, now())
      returning key_id::text
    `.execute(this.db);
    return rows[0]!.key_id;
  }
}
