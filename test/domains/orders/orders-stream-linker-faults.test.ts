import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrdersModule } from '../../../src/domains/orders/orders-module.js';
import { ORDERS_STREAM, ORDERS_STREAM_LINKER } from '../../../src/domains/orders/orders-stream-linker.js';
import type { RecordedEvent } from '../../../src/es/recorded-event.js';
import { defaultErrorPolicy } from '../../../src/es/runtime/error-policy.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { waitForRuntime } from '../../es/fixtures/app.js';
import { createOrder } from './order-fixtures.js';
import { DEAD_LETTERS, ORDER, RETRY_DEAD_LETTER } from './order-operations.js';

/** The injected fault: linking an event of a broken order throws, until the order is mended. */
const broken = new Set<string>();
const attempts = new Map<string, number[]>();

function beforeLink(event: RecordedEvent) {
  attempts.set(event.eventId, [...(attempts.get(event.eventId) ?? []), performance.now()]);
  const { orderId } = event.data as { orderId: string };
  if (broken.has(orderId)) throw new Error(`cannot link order ${orderId}`);
}

let t: TestApp;
beforeAll(async () => {
  // The linker runs with the default error policy (three retries, backoff from 100 ms, then a dead letter).
  t = await createTestApp({ domains: [createOrdersModule({ linker: { beforeLink } })] });
});
afterAll(() => t.stop());

async function linkedOrigins(): Promise<string[]> {
  return (await t.app.store.readStream(ORDERS_STREAM)).map((event) => event.eventId);
}

describe('orders stream linker under a fault', () => {
  it('retries three times with backoff, dead-letters the event with its error, goes on with the next, and links it on retry', async () => {
    expect(defaultErrorPolicy).toMatchObject({ retries: 3, onExhausted: 'dead-letter' });
    const doomed = crypto.randomUUID();
    broken.add(doomed);
    await createOrder(t, { id: doomed });
    const healthy = await createOrder(t);
    const [doomedEvent] = await t.app.store.readStream(`order-${doomed}`);
    const [healthyEvent] = await t.app.store.readStream(`order-${healthy.id}`);
    await waitForRuntime(t.app, ORDERS_STREAM_LINKER, healthyEvent!.position);

    // 1 attempt + 3 retries, each wait twice the last.
    const times = attempts.get(doomedEvent!.eventId)!;
    expect(times).toHaveLength(4);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    const backoff = defaultErrorPolicy.backoffMs;
    for (const [index, gap] of gaps.entries()) expect(gap).toBeGreaterThanOrEqual(backoff * 2 ** index - 5);

    // The next event went through; the doomed one is not in the stream but in the dead letters, with its error.
    const linked = await linkedOrigins();
    expect(linked).toContain(healthyEvent!.eventId);
    expect(linked).not.toContain(doomedEvent!.eventId);
    const letters = (await t.graphql(DEAD_LETTERS, { handler: ORDERS_STREAM_LINKER })).data!.deadLetters;
    expect(letters).toEqual([
      {
        id: expect.any(Number),
        handler: ORDERS_STREAM_LINKER,
        position: String(doomedEvent!.position),
        eventId: doomedEvent!.eventId,
        eventType: 'OrderCreated',
        error: `cannot link order ${doomed}`,
        attempts: 4,
      },
    ]);
    // The other readers of the log never noticed.
    expect((await t.graphql(ORDER, { id: doomed })).data!.order).toMatchObject({ id: doomed, status: 'OPEN' });

    // A retry while the fault lasts fails and keeps the letter; once mended, a retry links the event.
    const [letter] = letters;
    const failed = (await t.graphql(RETRY_DEAD_LETTER, { id: letter!.id })).data!.retryDeadLetter;
    expect(failed).toMatchObject({ __typename: 'DeadLetterRetryFailedError', code: 'DEAD_LETTER_RETRY_FAILED' });
    expect((await t.graphql(DEAD_LETTERS, { handler: ORDERS_STREAM_LINKER })).data!.deadLetters).toHaveLength(1);

    broken.delete(doomed);
    const retried = (await t.graphql(RETRY_DEAD_LETTER, { id: letter!.id })).data!.retryDeadLetter;
    expect(retried).toMatchObject({ __typename: 'DeadLetter', id: letter!.id, eventType: 'OrderCreated' });
    expect((await t.graphql(DEAD_LETTERS, { handler: ORDERS_STREAM_LINKER })).data!.deadLetters).toEqual([]);
    const relinked = await linkedOrigins();
    expect(relinked.filter((eventId) => eventId === doomedEvent!.eventId)).toHaveLength(1);
    expect(relinked.indexOf(doomedEvent!.eventId)).toBeGreaterThan(relinked.indexOf(healthyEvent!.eventId));
  });
});
