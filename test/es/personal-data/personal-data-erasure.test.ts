import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeAggregate } from '../../../src/domains/challenges/challenge-aggregate.js';
import { athleteSubject } from '../../../src/domains/challenges/challenge-events.js';
import { ERASED } from '../../../src/es/index.js';
import { ACCOUNT, DEPOSIT, OPEN_ACCOUNT } from '../../domains/bank/bank-operations.js';
import { challengeDomains, importActivity, runningChallenge } from '../../domains/challenges/challenge-flow.js';
import { CHALLENGE } from '../../domains/challenges/challenge-operations.js';
import { orderInput } from '../../domains/orders/order-fixtures.js';
import { CREATE_ORDER, ORDER, ORDERS } from '../../domains/orders/order-operations.js';
import { bankModule } from '../../../src/domains/bank/bank-module.js';
import { createOrdersModule } from '../../../src/domains/orders/orders-module.js';
import { graphql } from '../../gql/index.js';
import { actingAs, appendsNothing, refusalCode } from '../../support/acting-as.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { userActor } from '../../support/test-auth.js';
import { tableCount, tablesHolding } from './database-search.js';

// Issue 14, erasing personal data: the holder's name, the business partner's email and the athlete's
// name are sealed in the log; erasing their subjects leaves no plaintext anywhere in the database.

const ERASE = graphql(`
  mutation ErasePersonalData($subject: ID!) {
    erasePersonalData(subject: $subject) { subject position streams }
  }
`);

const STREAM_EVENTS = graphql(`
  query PersonalDataStreamEvents($id: String!) {
    stream(id: $id) { events(first: 50) { edges { node { type data } } } }
  }
`);

const LOG_TAIL = graphql(`
  subscription PersonalDataLogTail($after: String, $streamId: String) {
    events(after: $after, streamId: $streamId) { type data }
  }
`);

const suffix = Math.random().toString(36).slice(2, 10);
const user = userActor(`erasable-${suffix}`);
const holder = `Zebulon Quark ${suffix}`;
const email = `zq-${suffix}@example.com`;
const athleteId = `ath-${suffix}`;
const athleteName = `Xanthe Vole ${suffix}`;
const otherName = `Other Rider ${suffix}`;
const accountNumber = `ACC-${suffix}`;
const order = orderInput({ businessPartner: email });

let t: TestApp;
let as: ReturnType<typeof actingAs>;
let challengeId: string;
const plaintexts = [holder, email, athleteName];

async function readModels() {
  const account = (await as(user, ACCOUNT, { accountNumber })).data!.account!;
  const placed = (await as(user, ORDER, { id: order.id })).data!.order!;
  const challenge = (await t.graphql(CHALLENGE, { id: challengeId })).data!.challenge!;
  return {
    account: { holder: account.holder, balance: account.balance, transactions: account.transactions?.edges.map((edge) => edge.node) },
    order: { businessPartner: placed.businessPartner, items: placed.items, status: placed.status },
    leaderboard: challenge.leaderboard.edges.map(({ node }) => node),
    competitors: challenge.competitors,
  };
}

beforeAll(async () => {
  const { domains } = challengeDomains();
  t = await createTestApp({ domains: [bankModule, createOrdersModule(), ...domains] });
  as = actingAs(t);
  expect((await as(user, OPEN_ACCOUNT, { input: { accountNumber, holder } })).data?.openAccount.__typename).toBe('Account');
  expect((await as(user, DEPOSIT, { input: { accountNumber, amount: 12_345 } })).data?.deposit.__typename).toBe('Account');
  expect((await as(user, CREATE_ORDER, { input: order })).data?.createOrder.__typename).toBe('Order');
  challengeId = (
    await runningChallenge(t, [
      [athleteId, athleteName],
      [`other-${suffix}`, otherName],
    ])
  ).id;
  await importActivity(t, challengeId, `ride-1-${suffix}`, athleteId, 60_000);
  await importActivity(t, challengeId, `ride-2-${suffix}`, `other-${suffix}`, 40_000);
  await t.settle();
});
afterAll(() => t.stop());

describe('erasing personal data (crypto-shredding)', () => {
  let before: Awaited<ReturnType<typeof readModels>>;

  it('keeps the log free of plaintext while the read models show it (so the search works)', async () => {
    // A snapshot of the challenge, whose state holds competitors' names, as the repository takes one.
    const streamId = `challenge-${challengeId}`;
    const loaded = await t.app.repository.load(challengeAggregate, streamId);
    expect(loaded.state.competitors[athleteId]?.athleteName).toBe(athleteName);
    const settings = challengeAggregate.snapshot!;
    await t.app.store.saveSnapshot(
      { streamId, version: loaded.version, schemaVersion: settings.schemaVersion, state: loaded.state },
      settings.personalData,
    );
    expect((await t.app.store.loadSnapshot<typeof loaded.state>(streamId))?.state.competitors[athleteId]?.athleteName).toBe(athleteName);

    expect(await tableCount(t.app.database.db)).toBeGreaterThan(20);
    const holding = Object.fromEntries(
      await Promise.all(plaintexts.map(async (text) => [text, await tablesHolding(t.app.database.db, text)])),
    );
    expect(holding[holder]).toContain('public.bank_accounts');
    expect(holding[email]).toContain('public.orders');
    expect(holding[athleteName]).toEqual(
      expect.arrayContaining(['public.challenge_athletes', 'public.challenge_competitors', 'public.challenge_leaderboard_entries']),
    );
    for (const tables of Object.values(holding)) {
      expect(tables).not.toContain('public.events');
      expect(tables).not.toContain('public.snapshots');
    }

    before = await readModels();
    expect(before.account.holder).toBe(holder);
    expect(before.order.businessPartner).toBe(email);
  });

  it('is for admins only: a user cannot erase even their own data', async () => {
    const refused = await appendsNothing(t, () => as(user, ERASE, { subject: user.subject }));
    expect(refusalCode(refused)).toBe('FORBIDDEN');
    expect((await readModels()).account.holder).toBe(holder);
  });

  it('erases the subjects: no plaintext is left anywhere, and every number stays as it was', async () => {
    const headBefore = await t.app.store.head();
    const erased = await t.graphql(ERASE, { subject: user.subject });
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.erasePersonalData.streams).toEqual(expect.arrayContaining([`account-${accountNumber}`, `order-${order.id}`]));
    const athlete = await t.graphql(ERASE, { subject: athleteSubject(athleteId) });
    expect(athlete.data!.erasePersonalData.streams).toContain(`challenge-${challengeId}`);
    await t.settle();

    for (const text of plaintexts) expect(await tablesHolding(t.app.database.db, text), text).toEqual([]);

    // The log is whole: two facts more, positions without a gap.
    expect(await t.app.store.head()).toBe(headBefore + 2);
    const positions = (await t.app.store.readAll({ limit: 10_000 })).map((event) => event.position);
    expect(positions).toEqual(positions.map((_, index) => index + 1));

    const after = await readModels();
    expect(after.account).toEqual({ ...before.account, holder: ERASED });
    expect(after.order).toEqual({ ...before.order, businessPartner: ERASED });
    expect((await as(user, ORDERS, { businessPartner: email })).data!.orders.edges).toEqual([]);
    expect(after.leaderboard.map(({ athleteName: name, ...rest }) => rest)).toEqual(
      before.leaderboard.map(({ athleteName: name, ...rest }) => rest),
    );
    expect(after.leaderboard.map((row) => row.athleteName)).toEqual([ERASED, otherName]);
    expect(after.competitors.map((competitor) => competitor.athleteName).sort()).toEqual([ERASED, otherName].sort());
  });

  it('answers the erased marker on every read path', async () => {
    const challengeStream = `challenge-${challengeId}`;
    // The event browser.
    const browsed = (await t.graphql(STREAM_EVENTS, { id: `account-${accountNumber}` })).data!.stream!.events.edges;
    expect(browsed[0]!.node).toMatchObject({ type: 'AccountOpened', data: { accountNumber, holder: ERASED } });
    // Reads of the log (projectors, handlers, process managers and rebuilds read through them).
    const [opened] = await t.app.store.readStream(`order-${order.id}`);
    expect(opened!.data).toMatchObject({ orderId: order.id, businessPartner: ERASED });
    const ranked = (await t.app.store.readStream(challengeStream)).filter((event) => event.type === 'LeaderboardRanked');
    expect(
      ranked.flatMap((event) => (event.data as { rankings: { athleteName: string }[] }).rankings.map((row) => row.athleteName)),
    ).not.toContain(athleteName);
    // The aggregate, loaded afresh, and its snapshot.
    const loaded = await t.app.repository.load(challengeAggregate, challengeStream);
    expect(loaded.state.competitors[athleteId]?.athleteName).toBe(ERASED);
    expect(loaded.state.competitors[`other-${suffix}`]?.athleteName).toBe(otherName);
    const snapshot = await t.app.store.loadSnapshot<typeof loaded.state>(challengeStream);
    expect(snapshot?.state.competitors[athleteId]?.athleteName).toBe(ERASED);
    // A subscription replaying the stream.
    const tail = await t.subscribe(LOG_TAIL, { after: '0', streamId: `account-${accountNumber}` });
    const first = await tail.next();
    await tail.return?.();
    expect(first.value?.data?.events).toMatchObject({ type: 'AccountOpened', data: { holder: ERASED } });
  });

  it('rebuilds a projection with the marker and the same balance', async () => {
    const before = (await as(user, ACCOUNT, { accountNumber })).data!.account!;
    await t.app.runtimes.rebuild('bank-accounts');
    await t.settle();
    const after = (await as(user, ACCOUNT, { accountNumber })).data!.account!;
    expect(after).toEqual(before);
    expect(after.holder).toBe(ERASED);
    expect(await tablesHolding(t.app.database.db, holder)).toEqual([]);
  });

  it('never seals new data of an erased subject under a new key: it is stored as erased', async () => {
    const second = await runningChallenge(t, [[athleteId, `${athleteName} again`]]);
    await t.settle();
    const [joined] = (await t.app.store.readStream(`challenge-${second.id}`)).filter((event) => event.type === 'CompetitorJoined');
    expect(joined!.data).toMatchObject({ athleteId, athleteName: ERASED });
    expect(await tablesHolding(t.app.database.db, `${athleteName} again`)).toEqual([]);
  });
});
