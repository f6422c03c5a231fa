import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/es/actor.js';
import { BLOCK_PRODUCT, BLOCKED_PRODUCTS } from '../domains/orders/order-operations.js';
import { adminActor, TEST_ACTOR, userActor } from '../support/test-auth.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { type ThrowawayPostgres, createThrowawayPostgres } from '../support/throwaway-postgres.js';
import { type ThrowawayReplica, createThrowawayReplica, throwawayReplicaUnavailable } from '../support/throwaway-replica.js';
import { type ReplicaInstance, startReplicaInstance } from './helpers/replica-instance.js';

const cannot = throwawayReplicaUnavailable();
const skip = !concurrent || cannot !== undefined;
const why = cannot ? `(skipped: ${cannot})` : NEEDS_CONCURRENCY;
/** How long a query waits for the replica to replay what it must see before the primary answers it. */
const REPLICA_WAIT_MS = 1_500;

/** Blocks products while the replica's replay is paused. */
const WRITER = TEST_ACTOR;
/** Blocked a product before the pause, and nothing since. */
const EARLIER = adminActor('earlier-writer');
/** Never writes. */
const READER = userActor('reader');

const blocked = { earlier: crypto.randomUUID(), before: crypto.randomUUID(), during: crypto.randomUUID() };

let primary: ThrowawayPostgres | undefined;
let replica: ThrowawayReplica | undefined;
/** Two instances on the same primary and replica: a write through one, a read through the other. */
let one: ReplicaInstance | undefined;
let other: ReplicaInstance | undefined;

async function block(instance: ReplicaInstance, actor: Actor, productId: string): Promise<void> {
  const { result, position } = await instance.send(BLOCK_PRODUCT, { productId }, { actor });
  expect(result.data?.blockProduct.__typename).toBe('ProductBlock');
  expect(position).toMatch(/^\d+$/);
}

/** A plain query (no position) as `actor`: what it read, who answered it and why, and how long it took. */
async function blockedProducts(instance: ReplicaInstance, actor: Actor) {
  const labels = ['replica', 'primary'].flatMap((database) =>
    ['any', 'own_writes', 'min_position'].map((consistency) => ({ database, consistency })),
  );
  const before = await Promise.all(labels.map((label) => instance.counted('queryReads', label)));
  const started = Date.now();
  const { result } = await instance.send(BLOCKED_PRODUCTS, {}, { actor });
  const ms = Date.now() - started;
  const after = await Promise.all(labels.map((label) => instance.counted('queryReads', label)));
  const counted = labels.filter((_, i) => after[i]! > before[i]!);
  expect(counted).toHaveLength(1);
  expect(result.errors).toBeUndefined();
  return { products: result.data!.blockedProducts, by: counted[0]!.database, as: counted[0]!.consistency, ms };
}

beforeAll(async () => {
  if (skip) return;
  primary = await createThrowawayPostgres();
  replica = await createThrowawayReplica(primary);
  one = await startReplicaInstance(primary, replica, { replicaWaitMs: REPLICA_WAIT_MS });
  other = await startReplicaInstance(primary, replica, { replicaWaitMs: REPLICA_WAIT_MS });
}, 120_000);

afterAll(async () => {
  await other?.app.stop();
  await one?.app.stop();
  await replica?.destroy();
  await primary?.destroy();
});

describe(`plain queries read their actor's own writes on a streaming replica ${why}`, () => {
  it.skipIf(skip)('with the replica replaying, every plain query reads it: a writer its own writes, anyone else as it is', async () => {
    await block(one!, EARLIER, blocked.earlier);
    await block(one!, WRITER, blocked.before);
    await replica!.caughtUp();
    expect(await blockedProducts(one!, READER)).toMatchObject({ products: [blocked.earlier, blocked.before], by: 'replica', as: 'any' });
    expect(await blockedProducts(one!, WRITER)).toMatchObject({
      products: [blocked.earlier, blocked.before],
      by: 'replica',
      as: 'own_writes',
    });
    expect(await blockedProducts(other!, EARLIER)).toMatchObject({
      products: [blocked.earlier, blocked.before],
      by: 'replica',
      as: 'own_writes',
    });
  });

  it.skipIf(skip)(
    'while replay is paused, the writer’s plain query right after its mutation sees it: the primary answers once the replica has not replayed it in time',
    async () => {
      await replica!.pauseReplay();
      await block(one!, WRITER, blocked.during);
      const read = await blockedProducts(one!, WRITER);
      expect(read).toMatchObject({ products: [blocked.earlier, blocked.before, blocked.during], by: 'primary', as: 'own_writes' });
      expect(read.ms).toBeGreaterThanOrEqual(REPLICA_WAIT_MS);
    },
  );

  it.skipIf(skip)(
    'so does its plain query through another instance, with no token: the last write is looked up on the primary',
    async () => {
      expect(await blockedProducts(other!, WRITER)).toMatchObject({
        products: [blocked.earlier, blocked.before, blocked.during],
        by: 'primary',
        as: 'own_writes',
      });
    },
  );

  it.skipIf(skip)('another actor’s plain query reads the lagging replica, without the write (eventually consistent)', async () => {
    const read = await blockedProducts(one!, READER);
    expect(read).toMatchObject({ products: [blocked.earlier, blocked.before], by: 'replica', as: 'any' });
    expect(read.ms).toBeLessThan(REPLICA_WAIT_MS);
  });

  it.skipIf(skip)('an actor whose own writes the lagging replica has replayed reads it at once, though it lags', async () => {
    const read = await blockedProducts(other!, EARLIER);
    expect(read).toMatchObject({ products: [blocked.earlier, blocked.before], by: 'replica', as: 'own_writes' });
    expect(read.ms).toBeLessThan(REPLICA_WAIT_MS);
  });

  it.skipIf(skip)('once replay resumes, the writer reads the replica again', async () => {
    const read = blockedProducts(one!, WRITER);
    await replica!.resumeReplay();
    expect(await read).toMatchObject({ products: [blocked.earlier, blocked.before, blocked.during], by: 'replica', as: 'own_writes' });
  });
});
