import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../../src/app/chronicle.js';
import { createChronicle } from '../../../src/app/create-chronicle.js';
import { loadConfig } from '../../../src/config.js';
import { tables } from '../../../src/db/database.js';
import { createPostgresDatabase } from '../../../src/db/postgres-database.js';
import { ORDER_NUMBER_SCOPE, ordersModule } from '../../../src/domains/orders/orders-module.js';
import { DomainError } from '../../../src/es/domain-error.js';
import type { EventStoreTables } from '../../../src/es/event-store-tables.js';
import { RuntimeRegistry } from '../../../src/es/runtime/runtime-registry.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { NEEDS_CONCURRENCY, concurrent } from '../../support/test-database.js';
import { createOrder, newOrderNumber, orderInput, type OrderInput } from './order-fixtures.js';
import { CREATE_ORDER } from './order-operations.js';
import { TEST_ACTOR } from '../../support/test-auth.js';

let t: TestApp;
/**
 * A second process on the same database, with its own pool, router and cache. It takes commands
 * only: its projector and handlers go to a registry that never starts, as the first process
 * already runs them (two instances of one projector would race each other for the same rows).
 */
let other: Chronicle | undefined;

beforeAll(async () => {
  t = await createTestApp();
  if (concurrent) {
    other = await createChronicle(
      { ...loadConfig({}), pollIntervalMs: 200 },
      {
        database: createPostgresDatabase({ connectionString: t.database.url!, poolSize: 5 }),
        domains: [],
        logger: pino({ level: 'silent' }),
      },
    );
    const { router, store, feed, logger, database } = other;
    const unstarted = new RuntimeRegistry({ db: tables<EventStoreTables>(database), store, feed, router, logger });
    ordersModule.register({ router, db: database.db, runtimes: unstarted });
  }
});
afterAll(async () => {
  await other?.stop();
  await t.stop();
});

/** Creates through GraphQL on the first process, or through the router of the second; answers the outcome's code. */
async function race(input: OrderInput, onOther: boolean): Promise<string> {
  if (onOther) {
    return other!.router.dispatch({ type: 'CreateOrder', ...input }, { actor: TEST_ACTOR }).then(
      () => 'CREATED',
      (error: unknown) => (error instanceof DomainError ? error.code : Promise.reject(error)),
    );
  }
  const { data, errors } = await t.graphql(CREATE_ORDER, { input });
  expect(errors).toBeUndefined();
  const result = data!.createOrder;
  return result.__typename === 'Order' ? 'CREATED' : (result as { code: string }).code;
}

async function ordersCreatedWith(orderNumber: string): Promise<string[]> {
  const events = await t.app.store.readAll({ types: ['OrderCreated'], limit: 100_000 });
  return events.filter((event) => (event.data as { orderNumber: string }).orderNumber === orderNumber).map((event) => event.streamId);
}

async function claimOwner(orderNumber: string): Promise<string | undefined> {
  const row = await t.app.database.db
    .selectFrom('unique_claims')
    .select('owner')
    .where('scope', '=', ORDER_NUMBER_SCOPE)
    .where('value', '=', orderNumber)
    .executeTakeFirst();
  return row?.owner as string | undefined;
}

describe('order numbers', () => {
  it.skipIf(!concurrent)(`two processes racing creates with one number: exactly one wins ${NEEDS_CONCURRENCY}`, async () => {
    for (let round = 0; round < 10; round++) {
      const orderNumber = newOrderNumber();
      const contenders = Array.from({ length: 4 }, () => orderInput({ orderNumber }));
      const outcomes = await Promise.all(contenders.map((input, index) => race(input, index % 2 === 1)));

      expect(outcomes.filter((code) => code === 'CREATED')).toHaveLength(1);
      expect(outcomes.filter((code) => code === 'ORDER_NUMBER_TAKEN')).toHaveLength(3);
      const winner = contenders[outcomes.indexOf('CREATED')]!;
      expect(await ordersCreatedWith(orderNumber)).toEqual([`order-${winner.id}`]);
      expect(await claimOwner(orderNumber)).toBe(`order-${winner.id}`);
      const losers = contenders.filter((input) => input !== winner);
      expect(await Promise.all(losers.map((input) => t.app.store.streamVersion(`order-${input.id}`)))).toEqual([0, 0, 0]);
    }
  });

  it.skipIf(!concurrent)(
    `a racing create that fails releases its claim: no number is held without its order ${NEEDS_CONCURRENCY}`,
    async () => {
      for (let round = 0; round < 10; round++) {
        // One contender reuses an existing order's id: if it wins the claim, the aggregate refuses it and the claim goes back.
        const existing = await createOrder(t);
        const orderNumber = newOrderNumber();
        const contenders = [orderInput({ id: existing.id, orderNumber }), orderInput({ orderNumber })];
        const outcomes = await Promise.all(contenders.map((input, index) => race(input, index === round % 2)));

        expect(outcomes[0]).toMatch(/^(ORDER_ALREADY_CREATED|ORDER_NUMBER_TAKEN)$/);
        expect(outcomes[1]).toMatch(/^(CREATED|ORDER_NUMBER_TAKEN)$/);
        const created = await ordersCreatedWith(orderNumber);
        const owner = await claimOwner(orderNumber);
        if (outcomes[1] === 'CREATED') {
          expect(created).toEqual([`order-${contenders[1]!.id}`]);
          expect(owner).toBe(`order-${contenders[1]!.id}`);
        } else {
          // The fresh contender lost to the doomed one, which gave the number back: it is free again.
          expect(created).toEqual([]);
          expect(owner).toBeUndefined();
          await createOrder(t, { orderNumber });
        }
      }
    },
  );

  it('a create refused by the aggregate releases its claim, a validation failure claims nothing', async () => {
    const existing = await createOrder(t);
    const orderNumber = newOrderNumber();
    expect(await race(orderInput({ id: existing.id, orderNumber }), false)).toBe('ORDER_ALREADY_CREATED');
    expect(await claimOwner(orderNumber)).toBeUndefined();
    expect(await race(orderInput({ orderNumber, businessPartner: 'nobody' }), false)).toBe('VALIDATION_FAILED');
    expect(await claimOwner(orderNumber)).toBeUndefined();
    const created = await createOrder(t, { orderNumber });
    expect(await claimOwner(orderNumber)).toBe(`order-${created.id}`);
  });
});
