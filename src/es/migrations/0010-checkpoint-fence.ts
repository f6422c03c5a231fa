import { type Kysely, sql } from 'kysely';

/**
 * `chronicle_checkpoint_fence(moved)`: raises `CHECKPOINT_MOVED_SQLSTATE` unless `moved`. A projector
 * batch written as one statement moves its checkpoint in that statement and ends with this call,
 * so a checkpoint another instance moved meanwhile fails the whole statement, writes included.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function chronicle_checkpoint_fence(moved boolean) returns boolean language plpgsql as $$
    begin
      if not moved then
        raise exception 'the checkpoint was moved by another instance' using errcode = 'CH001';
      end if;
      return true;
    end
    $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function chronicle_checkpoint_fence(boolean)`.execute(db);
}
