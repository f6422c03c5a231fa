import { type Kysely, type RawBuilder, sql } from 'kysely';
import { tables } from '../src/db/database.js';
import type { EventStoreTables } from '../src/es/event-store-tables.js';
import { EventStore } from '../src/es/event-store.js';
import { measure, median, printTable, ratio, type Benchmark, type Measurement } from './report.js';

const ROUNDS = 3;

/**
 * Where a single writer's append goes: one writer, one event per append, each step a single
 * autocommit statement that adds one thing the event store's append does to the step before,
 * on copies of its tables (`like … including all`, so with every index the log has), ending with
 * `EventStore.append` itself. The ratio column is against the bare one-row INSERT of `append`.
 */
export const appendAnatomyBenchmark: Benchmark = {
  name: 'append-anatomy',
  async run(ctx) {
    const db = tables<EventStoreTables>(ctx.database(1)) as unknown as Kysely<any>;
    const store = new EventStore(tables<EventStoreTables>(ctx.database(1)));
    const run = crypto.randomUUID().slice(0, 8);
    await sql`drop table if exists anatomy_raw, anatomy_events, anatomy_streams, anatomy_head`.execute(db);
    await sql`create table anatomy_raw (id bigserial primary key, stream_id text not null, data jsonb not null)`.execute(db);
    await sql`create table anatomy_events (like events including all)`.execute(db);
    await sql`create table anatomy_streams (like streams including all)`.execute(db);
    await sql`create table anatomy_head (like event_store_head including all)`.execute(db);
    await sql`insert into anatomy_head (id, position) values (1, 1000000000)`.execute(db);
    const { rows: indexes } = await sql<{ count: string }>`
      select count(*) from pg_indexes where tablename = 'anatomy_events'
    `.execute(db);

    let n = 0;
    const event = () => {
      n += 1;
      return { stream: `anatomy-${run}-${n}`, data: JSON.stringify({ amount: 1, n }) };
    };
    /** The event's row; `from` names the CTEs it is selected from (the head, and what must run with it). */
    const eventRow = (e: { stream: string; data: string }, from?: RawBuilder<unknown>) => sql`
      insert into anatomy_events (position, event_id, stream_id, version, type, data, metadata, correlation_id, causation_id, actor, occurred_at)
      select ${from ? sql`head.position` : sql`${n}`}, gen_random_uuid(), ${e.stream}, 1, 'Deposited', ${e.data}::jsonb, '{}'::jsonb,
        gen_random_uuid()::text, gen_random_uuid()::text, 'bench', now()
      ${from ? sql`from ${from}` : sql``}`;
    const headCte = sql`with head as (update anatomy_head set position = position + 1 where id = 1 returning position)`;
    const steps: Array<{ label: string; statement: () => RawBuilder<unknown> }> = [
      {
        label: 'one-row INSERT (baseline)',
        statement: () => {
          const e = event();
          return sql`insert into anatomy_raw (stream_id, data) values (${e.stream}, ${e.data}::jsonb)`;
        },
      },
      { label: `+ the log's columns and ${indexes[0]!.count} indexes`, statement: () => eventRow(event()) },
      { label: '+ the head row (lock, move)', statement: () => sql`${headCte} ${eventRow(event(), sql`head`)}` },
      {
        label: '+ the stream row',
        statement: () => {
          const e = event();
          return sql`${headCte}, stream as (insert into anatomy_streams (stream_id, version) values (${e.stream}, 1))
            ${eventRow(e, sql`head`)}`;
        },
      },
      {
        label: '+ NOTIFY',
        statement: () => {
          const e = event();
          return sql`${headCte}, stream as (insert into anatomy_streams (stream_id, version) values (${e.stream}, 1)),
            notified as (select pg_notify('anatomy', position::text) from head)
            ${eventRow(e, sql`head, notified`)}`;
        },
      },
    ];

    const rows: Array<Array<string | number>> = [];
    try {
      const settings = { concurrency: 1, durationMs: ctx.durationMs, warmupMs: ctx.warmupMs };
      const results = new Map<string, Measurement[]>();
      const append = async () => {
        const e = event();
        await store.append(e.stream, [{ type: 'Deposited', data: { amount: 1 } }], 0);
      };
      // Alternating rounds of every step, so drift lands on all alike.
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const step of steps) {
          const measured = await measure({
            ...settings,
            operation: () =>
              step
                .statement()
                .execute(db)
                .then(() => {}),
          });
          results.set(step.label, [...(results.get(step.label) ?? []), measured]);
        }
        results.set('EventStore.append', [...(results.get('EventStore.append') ?? []), await measure({ ...settings, operation: append })]);
      }
      const baseline = median(results.get(steps[0]!.label)!);
      for (const [label, measured] of results) {
        const result = median(measured);
        rows.push([label, result.perSecond, result.p50Ms, ratio(result.perSecond, baseline.perSecond)]);
      }
    } finally {
      await sql`drop table if exists anatomy_raw, anatomy_events, anatomy_streams, anatomy_head`.execute(db);
    }
    printTable(
      `What one writer's append costs, step by step (one event per statement, median of ${ROUNDS} alternating rounds)`,
      ['statement', 'per s', 'p50 ms', 'vs INSERT'],
      rows,
    );
  },
};
