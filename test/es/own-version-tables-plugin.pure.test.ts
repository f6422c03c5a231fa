import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { OwnVersionTablesPlugin } from '../../src/es/runtime/own-version-tables-plugin.js';
import { ProjectionReadSchemas } from '../../src/es/runtime/projection-read-schemas.js';

const schemas = new ProjectionReadSchemas();
const db = new Kysely<any>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
}).withPlugin(new OwnVersionTablesPlugin(schemas));

describe('OwnVersionTablesPlugin', () => {
  it('leaves every query as written while all tables are read in public', () => {
    expect(db.selectFrom('orders').selectAll().compile().sql).toBe('select * from "orders"');
  });

  it('qualifies the tables of a kept version wherever a query reads or writes them, and only those', () => {
    schemas.read(['orders', 'order_items'], 'projection_orders_1');
    try {
      const query = db
        .selectFrom('orders')
        .innerJoin('order_items', 'order_items.order_id', 'orders.id')
        .leftJoin('products', 'products.id', 'order_items.product_id')
        .select(['orders.id', 'products.name'])
        .where('orders.id', 'in', db.selectFrom('order_items').select('order_id'))
        .forUpdate('orders');
      expect(query.compile().sql).toBe(
        'select "orders"."id", "products"."name" from "projection_orders_1"."orders"' +
          ' inner join "projection_orders_1"."order_items" on "order_items"."order_id" = "orders"."id"' +
          ' left join "products" on "products"."id" = "order_items"."product_id"' +
          ' where "orders"."id" in (select "order_id" from "projection_orders_1"."order_items") for update of "orders"',
      );
      expect(db.updateTable('orders').set({ status: 'x' }).where('orders.id', '=', 1).compile().sql).toBe(
        'update "projection_orders_1"."orders" set "status" = $1 where "orders"."id" = $2',
      );
      expect(db.insertInto('order_items').values({ id: 1 }).compile().sql).toBe(
        'insert into "projection_orders_1"."order_items" ("id") values ($1)',
      );
      expect(db.deleteFrom('orders').compile().sql).toBe('delete from "projection_orders_1"."orders"');
      // Named by the query itself: a table already qualified, an alias, a common table expression that shadows the table.
      expect(db.selectFrom('public.orders').selectAll().compile().sql).toBe('select * from "public"."orders"');
      expect(db.selectFrom('orders as o').select('o.id').compile().sql).toBe('select "o"."id" from "projection_orders_1"."orders" as "o"');
      expect(
        db
          .with('orders', (cte) => cte.selectFrom('orders').select('id'))
          .selectFrom('orders')
          .selectAll()
          .compile().sql,
      ).toBe('with "orders" as (select "id" from "orders") select * from "orders"');
      // Raw SQL is not parsed: a table in its text stays unqualified (slices' reads have none).
      expect(db.selectFrom(sql`orders`.as('o')).selectAll().compile().sql).toBe('select * from orders as "o"');
    } finally {
      schemas.read(['orders', 'order_items'], 'public');
    }
    expect(schemas.allLive).toBe(true);
  });
});
