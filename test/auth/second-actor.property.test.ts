import fc from 'fast-check';
import { type GraphQLField, getNamedType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domains as allDomains } from '../../src/app/domains.js';
import { schedulingModule } from '../../src/app/scheduling-module.js';
import { shipmentIdFor } from '../../src/domains/orders/shipment-id.js';
import { authenticated, everyone, owner, ownerOf } from '../../src/es/access/rules.js';
import type { Actor } from '../../src/es/actor.js';
import { commandAccess, operationAccess } from '../../src/graphql/access-table.js';
import { schema } from '../../src/app/schema.js';
import { challengeDomains } from '../domains/challenges/challenge-flow.js';
import { mineNonces } from '../domains/coins/reference-proof-of-work.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminActor, authorizationFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * A second actor, for every mutation of the schema: alice owns one aggregate of each kind, and a
 * random other signed-in user sends each mutation at it over HTTP with real tokens. Whatever the
 * rule table (`operationAccess`, the rules the fields and commands declare) does not open to any
 * signed-in actor is answered FORBIDDEN and appends nothing; what it opens is not refused. Then
 * alice herself still does each owner-only mutation, so the refusals were about who asked.
 * A mutation added later without a case here fails the test instead of being skipped.
 */
const SEED = 20_261_205;
const RUNS_PER_MUTATION = 15;

const alice = userActor('alice');
const admin = adminActor('second-actor-admin');

/** Rules that let any signed-in user through, whatever they are aimed at (in the words the rule table uses). */
const OPEN_RULES = new Set([everyone.allows, authenticated.allows]);
/** How `ownerOf(…, { unclaimed: 'allowed' })` words itself after the aggregate's name. */
const WHILE_UNCLAIMED = ownerOf({ name: '', ownership: { claimedBy: [] } }, () => '', { unclaimed: 'allowed' }).allows.replace(
  /^the owner of the /,
  '',
);
/** Rules a signed-in user passes on an aggregate nobody owns yet (its success claims it), and on no other. */
const claimable = (rule: string) => rule === owner.allows || rule.endsWith(WHILE_UNCLAIMED);

/** Someone other than alice: user-like subjects, near-misses of hers, names of roles. Never a reserved `system:` subject. */
const otherSubject = fc
  .oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^user-[a-z0-9]{4,10}$/) },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,23}$/) },
    { weight: 1, arbitrary: fc.constantFrom('Alice', 'ALICE', 'alice2', 'alice.', 'bob', 'admin', 'test-admin', 'second-actor-admin') },
  )
  .filter((subject) => subject !== alice.subject && !subject.includes(':'));

/** Aimed at alice's aggregate, or at one nobody has yet (a new id). */
type Target = 'alice' | 'new';

interface Case<P extends { target: Target }> {
  /** What fast-check varies besides the other user, and which aggregate it aims at. */
  params: fc.Arbitrary<P>;
  /** The mutation's variables, built when sent: fresh ids are made here so they never repeat across runs. */
  variables(params: NoInfer<P>): Record<string, unknown>;
  /** Called with the variables of an accepted attempt (to follow state a later attempt builds on). */
  accepted?(variables: Record<string, unknown>): void;
  /** What else must be as it was after a refusal, besides the log (a read model a mutation writes directly). */
  unchanged?(): Promise<void>;
}

const defineCase = <P extends { target: Target }>(spec: Case<P>) => spec as unknown as Case<{ target: Target }>;
const toAlice = <P extends object>(params: P) => ({ ...params, target: 'alice' as const });
const toNew = <P extends object>(params: P) => ({ ...params, target: 'new' as const });
/** Alice's aggregate, with nothing else to vary. */
const aliceOnly = fc.constant(toAlice({}));

let serial = 0;
/** An id nobody has used: the same per seed up to a counter, so runs never collide. */
const fresh = (prefix: string, tag = '') => `${prefix}-${tag}${tag ? '-' : ''}${++serial}`;
const freshUuid = () => crypto.randomUUID();

const tag = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const personName = fc.stringMatching(/^[A-Z][a-z]{1,10}( [A-Z][a-z]{1,10})?$/);
const day = fc.integer({ min: 2, max: 28 });
const email = fc.stringMatching(/^[a-z][a-z0-9]{0,10}(\.[a-z0-9]{1,5})?@[a-z]{1,10}\.(com|org)$/);

/** What alice owns (and what the admin set up around it), all made through GraphQL as them. */
interface Fixture {
  funded: string;
  empty: string;
  sink: string;
  coin: string;
  coins: number;
  orders: Array<{ id: string; products: string[] }>;
  shipment: string;
  calculator: string;
  arena: string;
  /** Running, alice's athlete competing with one activity. */
  running: string;
  /** Hosted, not started: alice's athlete not in it yet. */
  hosted: string;
  /** Created only. */
  created: string;
  athlete: string;
  activity: string;
  notification: string;
  projectors: string[];
}

let t: TestApp;
let server: TestServer;
let f: Fixture;
/** The last nonce mined per coin account, so the next one mined (by anyone) is valid. */
const lastNonce = new Map<string, number>();
const tokens = new Map<string, { authorization: string }>();

async function as(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: any }> {
  let authorization = tokens.get(actor.subject + actor.roles.join(','));
  if (!authorization) {
    authorization = await authorizationFor(actor);
    tokens.set(actor.subject + actor.roles.join(','), authorization);
  }
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...authorization },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Runs a mutation `actor` must be able to run and answers its result, which must be of type `typename`. */
async function must(actor: Actor, query: string, variables: Record<string, unknown>, typename: string): Promise<any> {
  const { status, body } = await as(actor, query, variables);
  expect(body?.errors, `${query} as ${actor.subject}`).toBeUndefined();
  expect(status).toBe(200);
  const result = Object.values(body.data as Record<string, any>)[0];
  expect(result, `${query} as ${actor.subject}`).toMatchObject({ __typename: typename });
  return result;
}

const RESULT = '{ __typename ... on Error { code message } }';
const OPEN_ACCOUNT = `mutation($input: OpenAccountInput!) { openAccount(input: $input) ${RESULT} }`;
const DEPOSIT = `mutation($input: DepositInput!) { deposit(input: $input) ${RESULT} }`;
const MINE = `mutation($input: MineCoinInput!) { mineCoin(input: $input) ${RESULT} }`;
const CREATE_ORDER = `mutation($input: CreateOrderInput!) { createOrder(input: $input) ${RESULT} }`;
const COMPLETE_ORDER = `mutation($id: ID!) { completeOrder(id: $id) ${RESULT} }`;
const CALCULATE = `mutation($input: CalculateInput!) { calculate(input: $input) ${RESULT} }`;
const RECORD_KILL = `mutation($input: RecordKillInput!) { recordKill(input: $input) ${RESULT} }`;
const CREATE_CHALLENGE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) ${RESULT} }`;
const HOST_CHALLENGE = `mutation($challengeId: ID!) { hostChallenge(challengeId: $challengeId) ${RESULT} }`;
const START_CHALLENGE = `mutation($challengeId: ID!) { startChallenge(challengeId: $challengeId) ${RESULT} }`;
const JOIN_CHALLENGE = `mutation($input: JoinChallengeInput!) { joinChallenge(input: $input) ${RESULT} }`;
const IMPORT_ACTIVITY = `mutation($input: ImportActivityInput!) { importActivity(input: $input) ${RESULT} }`;
const NOTIFICATIONS = 'query($athleteId: ID!) { notifications(athleteId: $athleteId, first: 10) { edges { node { id readAt } } } }';

const item = (productId: string) => ({ productId, quantity: 2, uom: 'KG' });
const challengeInput = (id: string) => ({
  id,
  name: `Second actor ${id}`,
  description: 'Ride 100 km',
  startDate: '2024-05-01T00:00:00.000Z',
  endDate: '2099-06-01T00:00:00.000Z',
  goalMetres: 100_000,
  activityType: 'RIDE',
});
const ride = (challengeId: string, athleteId: string, activityId: string, distanceMetres: number, onDay = 2) => ({
  challengeId,
  athleteId,
  activityId,
  activityType: 'RIDE',
  startDateLocal: `2024-05-${String(onDay).padStart(2, '0')}T08:00:00.000Z`,
  distanceMetres,
  movingTimeSeconds: 3_600,
  elevationMetres: 100,
});

/** The next valid nonce of `accountId`, found by the reference proof of work. */
const nextNonce = (accountId: string) => mineNonces(accountId, 1, lastNonce.get(accountId) ?? -1)[0]!;

async function mine(actor: Actor, accountId: string, coins: number): Promise<void> {
  for (let coin = 0; coin < coins; coin++) {
    const nonce = nextNonce(accountId);
    await must(actor, MINE, { input: { accountId, nonce } }, 'CoinAccount');
    lastNonce.set(accountId, nonce);
  }
}

async function setUp(): Promise<Fixture> {
  const funded = fresh('SA-FUNDED');
  const empty = fresh('SA-EMPTY');
  const sink = fresh('SA-SINK');
  await must(alice, OPEN_ACCOUNT, { input: { accountNumber: funded, holder: 'Alice' } }, 'Account');
  await must(alice, DEPOSIT, { input: { accountNumber: funded, amount: 10_000_000 } }, 'Account');
  await must(alice, OPEN_ACCOUNT, { input: { accountNumber: empty, holder: 'Alice' } }, 'Account');
  await must(admin, OPEN_ACCOUNT, { input: { accountNumber: sink, holder: 'Sink' } }, 'Account');

  const coin = fresh('sa-coin');
  await mine(alice, coin, 5);

  const orders = [];
  for (let n = 0; n < 3; n++) {
    const order = { id: freshUuid(), products: [freshUuid(), freshUuid(), freshUuid()] };
    const input = { id: order.id, orderNumber: fresh('SA-PO'), businessPartner: 'alice@example.com', items: order.products.map(item) };
    await must(alice, CREATE_ORDER, { input }, 'Order');
    orders.push(order);
  }
  // The third is completed: its shipment is the one the shipment mutations aim at.
  const completed = orders.pop()!;
  await must(alice, COMPLETE_ORDER, { id: completed.id }, 'Order');

  const calculator = fresh('sa-calc');
  await must(alice, CALCULATE, { input: { calculatorId: calculator, operation: 'ADD', operand: 5 } }, 'Calculator');
  const arena = fresh('sa-arena');
  await must(alice, RECORD_KILL, { input: { arenaId: arena, attacker: 'alice' } }, 'ArenaScore');

  // Alice creates three challenges; the admin hosts two and starts one.
  const [running, hosted, created] = [fresh('sa-run'), fresh('sa-host'), fresh('sa-new')];
  for (const id of [running, hosted, created]) await must(alice, CREATE_CHALLENGE, { input: challengeInput(id) }, 'Challenge');
  for (const id of [running, hosted]) await must(admin, HOST_CHALLENGE, { challengeId: id }, 'Challenge');
  await must(admin, START_CHALLENGE, { challengeId: running }, 'Challenge');
  // Alice's athlete rides 5 km; the admin's rides 6 km past her, so hers gets a lost-place notification.
  const [athlete, rival, activity] = [fresh('sa-athlete'), fresh('sa-rival'), fresh('sa-act')];
  await must(alice, JOIN_CHALLENGE, { input: { challengeId: running, athleteId: athlete, athleteName: 'Alice' } }, 'Challenge');
  await must(admin, JOIN_CHALLENGE, { input: { challengeId: running, athleteId: rival, athleteName: 'Rival' } }, 'Challenge');
  await must(alice, IMPORT_ACTIVITY, { input: ride(running, athlete, activity, 5_000) }, 'Challenge');
  await must(admin, IMPORT_ACTIVITY, { input: ride(running, rival, fresh('sa-act'), 6_000) }, 'Challenge');

  await t.settle();
  const notifications = await as(alice, NOTIFICATIONS, { athleteId: athlete });
  expect(notifications.body.errors).toBeUndefined();
  const notification: string | undefined = notifications.body.data.notifications.edges[0]?.node.id;
  expect(notification, 'alice’s athlete was told it lost a place').toBeDefined();

  const projectors = (await t.app.runtimes.status()).map((runtime: { name: string }) => runtime.name);
  return {
    funded,
    empty,
    sink,
    coin,
    coins: 5,
    orders,
    shipment: shipmentIdFor(completed.id),
    calculator,
    arena,
    running,
    hosted,
    created,
    athlete,
    activity,
    notification: notification!,
    projectors,
  };
}

/** For every mutation, a valid-looking attempt on alice's aggregate (and, where a new id means something, on a new one). */
function casesFor(f: Fixture): Record<string, Case<{ target: Target }>> {
  const order = fc.constantFrom(...f.orders);
  const product = fc.constantFrom(...f.orders.flatMap((o) => o.products));
  const amount = (max: number) => fc.integer({ min: 1, max });
  const count = fc.integer({ min: 1, max: 3 });
  const category = fc.constantFrom(null, 'MEN', 'WOMEN');
  const unread = async () => {
    const { body } = await as(alice, NOTIFICATIONS, { athleteId: f.athlete });
    const mine = body.data.notifications.edges.find(({ node }: any) => node.id === f.notification);
    expect(mine?.node.readAt, 'alice’s notification is still unread').toBeNull();
  };
  return {
    acknowledgeNotification: defineCase({
      params: aliceOnly,
      variables: () => ({ id: f.notification }),
      unchanged: unread,
    }),
    addOrderItems: defineCase({
      params: fc.record({ order, quantity: fc.integer({ min: 1, max: 1_000 }), uom: fc.constantFrom('KG', 'MT'), count }).map(toAlice),
      variables: (p) => ({
        id: p.order.id,
        items: Array.from({ length: p.count }, () => ({ productId: freshUuid(), quantity: p.quantity, uom: p.uom })),
      }),
    }),
    applyFee: defineCase({
      params: fc.record({ amount: amount(1_000) }).map(toAlice),
      variables: (p) => ({ input: { accountNumber: f.funded, amount: p.amount } }),
    }),
    blockProduct: defineCase({ params: fc.record({ product }).map(toAlice), variables: (p) => ({ productId: p.product }) }),
    calculate: defineCase({
      params: fc.oneof(
        fc.record({ operation: fc.constantFrom('ADD', 'SUBTRACT'), operand: fc.integer({ min: 0, max: 100 }) }).map(toAlice),
        fc.record({ operation: fc.constantFrom('ADD', 'SUBTRACT'), operand: fc.integer({ min: 0, max: 100 }), tag }).map(toNew),
      ),
      variables: (p) => ({
        input: { calculatorId: p.target === 'alice' ? f.calculator : fresh('sa-calc', p.tag), operation: p.operation, operand: p.operand },
      }),
    }),
    closeAccount: defineCase({ params: aliceOnly, variables: () => ({ accountNumber: f.empty }) }),
    completeOrder: defineCase({ params: fc.record({ order }).map(toAlice), variables: (p) => ({ id: p.order.id }) }),
    completeWeek: defineCase({ params: aliceOnly, variables: () => ({ arenaId: f.arena }) }),
    createChallenge: defineCase({
      // Challenges belong to nobody: an id of alice's is as open as a new one (and answered ChallengeExists).
      params: fc.oneof(
        fc.record({ id: fc.constantFrom(f.running, f.hosted, f.created), tag }).map(toAlice),
        fc.record({ tag, goal: fc.integer({ min: 1, max: 1_000_000 }) }).map(toNew),
      ),
      variables: (p) => {
        const id = p.target === 'alice' ? p.id : fresh('sa-ch', p.tag);
        return { input: { ...challengeInput(id), name: fresh('Second actor', p.tag), goalMetres: p.target === 'new' ? p.goal : 100_000 } };
      },
    }),
    createOrder: defineCase({
      params: fc.oneof(fc.record({ order, partner: email, count }).map(toAlice), fc.record({ partner: email, count }).map(toNew)),
      variables: (p) => ({
        input: {
          id: p.target === 'alice' ? p.order.id : freshUuid(),
          orderNumber: fresh('SA-PO'),
          businessPartner: p.partner,
          items: Array.from({ length: p.count }, () => item(freshUuid())),
        },
      }),
    }),
    deleteOrder: defineCase({ params: fc.record({ order }).map(toAlice), variables: (p) => ({ id: p.order.id }) }),
    deliverShipment: defineCase({ params: aliceOnly, variables: () => ({ id: f.shipment }) }),
    deposit: defineCase({
      params: fc.record({ amount: amount(10_000) }).map(toAlice),
      variables: (p) => ({ input: { accountNumber: f.funded, amount: p.amount } }),
    }),
    dispatchShipment: defineCase({ params: aliceOnly, variables: () => ({ id: f.shipment }) }),
    endChallenge: defineCase({ params: aliceOnly, variables: () => ({ challengeId: f.running }) }),
    hostChallenge: defineCase({ params: aliceOnly, variables: () => ({ challengeId: f.created }) }),
    importActivity: defineCase({
      params: fc.record({ tag, distance: fc.integer({ min: 1, max: 100_000 }), day }).map(toAlice),
      variables: (p) => ({ input: ride(f.running, f.athlete, fresh('sa-act', p.tag), p.distance, p.day) }),
    }),
    joinChallenge: defineCase({
      // Alice's athlete into the challenge it is not in yet; or a new athlete, which the join makes the joiner's.
      params: fc.oneof(
        fc.record({ name: personName, category }).map(toAlice),
        fc.record({ name: personName, category, tag, challenge: fc.constantFrom(f.running, f.hosted) }).map(toNew),
      ),
      variables: (p) =>
        p.target === 'alice'
          ? { input: { challengeId: f.hosted, athleteId: f.athlete, athleteName: p.name, category: p.category } }
          : { input: { challengeId: p.challenge, athleteId: fresh('sa-athlete', p.tag), athleteName: p.name, category: p.category } },
    }),
    leaveChallenge: defineCase({
      params: aliceOnly,
      variables: () => ({ input: { challengeId: f.running, athleteId: f.athlete } }),
    }),
    mineCoin: defineCase({
      // Into alice's account with its next valid nonce, or into a new account with its first.
      params: fc.oneof(
        aliceOnly,
        tag.map((value) => toNew({ tag: value })),
      ),
      variables: (p) => {
        const accountId = p.target === 'alice' ? f.coin : fresh('sa-coin', p.tag);
        return { input: { accountId, nonce: nextNonce(accountId) } };
      },
      accepted: (variables) => {
        const { accountId, nonce } = variables.input as { accountId: string; nonce: number };
        lastNonce.set(accountId, nonce);
      },
    }),
    erasePersonalData: defineCase({
      params: fc.oneof(aliceOnly, fc.record({ tag }).map(toNew)),
      variables: (p) => ({ subject: p.target === 'alice' ? alice.subject : fresh('sa-subject', p.tag) }),
    }),
    openAccount: defineCase({
      params: fc.oneof(
        fc.record({ account: fc.constantFrom(f.funded, f.empty), holder: personName }).map(toAlice),
        fc.record({ tag, holder: personName }).map(toNew),
      ),
      variables: (p) => ({
        input: { accountNumber: p.target === 'alice' ? p.account : fresh('SA', p.tag), holder: p.holder },
      }),
    }),
    rebuildProjection: defineCase({
      params: fc.record({ name: fc.constantFrom(...f.projectors) }).map(toAlice),
      variables: (p) => ({ name: p.name }),
    }),
    recordKill: defineCase({
      params: fc.record({ attacker: fc.oneof(personName, fc.constant('alice')) }).map(toAlice),
      variables: (p) => ({ input: { arenaId: f.arena, attacker: p.attacker } }),
    }),
    removeActivity: defineCase({
      params: aliceOnly,
      variables: () => ({ input: { challengeId: f.running, activityId: f.activity } }),
    }),
    removeOrderItem: defineCase({
      params: fc.record({ order, index: fc.nat() }).map(toAlice),
      variables: (p) => ({ id: p.order.id, productId: p.order.products[p.index % p.order.products.length] }),
    }),
    retryDeadLetter: defineCase({
      params: fc.record({ id: fc.integer({ min: 1, max: 1_000_000 }) }).map(toAlice),
      variables: (p) => ({ id: p.id }),
    }),
    sendCoins: defineCase({
      params: fc.record({ amount: amount(f.coins), to: fc.oneof(tag, fc.constant('')) }).map(toAlice),
      variables: (p) => ({ input: { from: f.coin, to: p.to === '' ? fresh('sa-thief') : fresh('sa-coin', p.to), amount: p.amount } }),
    }),
    startChallenge: defineCase({ params: aliceOnly, variables: () => ({ challengeId: f.hosted }) }),
    transfer: defineCase({
      params: fc.record({ amount: amount(10_000), to: fc.constantFrom(f.sink, f.empty) }).map(toAlice),
      variables: (p) => ({ input: { from: f.funded, to: p.to, amount: p.amount } }),
    }),
    unblockProduct: defineCase({ params: fc.record({ product }).map(toAlice), variables: (p) => ({ productId: p.product }) }),
    withdraw: defineCase({
      params: fc.record({ amount: amount(10_000) }).map(toAlice),
      variables: (p) => ({ input: { accountNumber: f.funded, amount: p.amount } }),
    }),
  };
}

/** The rules a mutation answers to, as the rule table says: its commands' rules, or its field's own. */
function rulesOf(mutation: string): string[] {
  const row = operationAccess(schema, t.app.router).find((candidate) => candidate.operation === `Mutation.${mutation}`);
  if (!row) return ['NO ROW'];
  // A field's own rule; what follows it says who may read what the field answers with, not who may run it.
  if (!row.commands) return row.allows.split('; ').filter((rule) => !rule.startsWith('what it finds'));
  const commandRules = new Map(commandAccess(t.app.router).map(({ operation, allows }) => [operation.replace(/ \(.*\)$/, ''), allows]));
  return row.commands.map((command) => commandRules.get(command) ?? 'NO SUCH COMMAND');
}

/** Whether a random other signed-in user may do it to `target`, by the rules alone. Any rule the table words otherwise refuses them. */
function allowedFor(rules: readonly string[], target: Target): boolean {
  return rules.every((rule) => OPEN_RULES.has(rule) || (target === 'new' && claimable(rule)));
}

function operationFor(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const type = getNamedType(field.type);
  const selection = isUnionType(type) || isInterfaceType(type) ? RESULT : isObjectType(type) ? '{ __typename }' : '';
  return `mutation SecondActor${variables ? `(${variables})` : ''} { result: ${field.name}${args ? `(${args})` : ''} ${selection} }`;
}

const errorInterface = schema.getType('Error');
const isErrorResult = (typeName: string) => {
  const type = schema.getType(typeName);
  return isObjectType(type) && type.getInterfaces().some((implemented) => implemented === errorInterface);
};

const mutations = Object.values(schema.getMutationType()!.getFields());
/** How the other user's attempts ended, per mutation. */
const outcomes = new Map<string, { refused: number; allowed: number; accepted: number }>();

beforeAll(async () => {
  // No default actor: every request carries a real signed token. The challenge clock is stopped, so
  // nothing but the requests here moves a challenge.
  const { scheduling } = challengeDomains();
  t = await createTestApp({ actor: null, domains: allDomains.map((domain) => (domain === schedulingModule ? scheduling : domain)) });
  server = await startTestServer(t);
  f = await setUp();
}, 120_000);
afterAll(() => server?.close());

describe('a second actor on the first actor’s aggregates, for every mutation', () => {
  it('every mutation of the schema has a case', () => {
    const cases = casesFor(f);
    expect(
      mutations.map((field) => field.name).filter((name) => !(name in cases)),
      'mutations without a case',
    ).toEqual([]);
  });

  it.each(mutations.map((field) => [field.name, field] as const))(
    '%s: refused and nothing appended unless the rule table opens it to any signed-in actor',
    async (name, field) => {
      const spec = casesFor(f)[name];
      if (!spec) throw new Error(`Mutation.${name} has no case: add one to casesFor`);
      const rules = rulesOf(name);
      const query = operationFor(field);
      const tally = { refused: 0, allowed: 0, accepted: 0 };
      outcomes.set(name, tally);
      await fc.assert(
        fc.asyncProperty(otherSubject, spec.params, async (subject, params) => {
          const { target } = params;
          const allowed = allowedFor(rules, target);
          const variables = spec.variables(params);
          await t.settle();
          const head = await t.app.store.head();
          const { status, body } = await as(userActor(subject), query, variables);
          expect(status, JSON.stringify(body)).toBeLessThan(500);
          const result = body?.data?.result;
          const codes: unknown[] = (body?.errors ?? []).map((error: any) => error.extensions?.code);
          const context = `${name} as ${subject} on ${target === 'alice' ? 'alice’s' : 'a new'} target (${rules.join('; ')}): ${JSON.stringify(body)}`;
          if (allowed) {
            tally.allowed += 1;
            expect(result?.__typename, context).not.toBe('ForbiddenError');
            expect(result?.__typename, context).not.toBe('UnauthenticatedError');
            expect(codes, context).not.toContain('FORBIDDEN');
            expect(codes, context).not.toContain('UNAUTHENTICATED');
            if (result && !isErrorResult(result.__typename)) {
              tally.accepted += 1;
              spec.accepted?.(variables);
            }
            return;
          }
          tally.refused += 1;
          // The token was accepted (not UNAUTHENTICATED): the rules refused this user.
          if (result) expect(result, context).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
          else expect(codes, context).toContain('FORBIDDEN');
          await t.settle();
          expect(await t.app.store.head(), `${context}: appended nothing`).toBe(head);
          await spec.unchanged?.();
        }),
        { seed: SEED, numRuns: RUNS_PER_MUTATION, endOnFailure: true },
      );
    },
    60_000,
  );

  it('reached both answers, and every attempt the rules allow was accepted at least once', () => {
    const allowed = [...outcomes].filter(([, tally]) => tally.allowed > 0);
    const refused = [...outcomes].filter(([, tally]) => tally.refused > 0);
    expect(allowed.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const [name, tally] of allowed) expect(tally.accepted, `${name}: accepted for the other user`).toBeGreaterThan(0);
  });
});

/** Alice's own attempt, in order (a later one may need an earlier's state), and the result it must answer with. */
const ownerAttempts: Array<[mutation: string, variables: () => Record<string, unknown>, typename: string]> = [
  ['withdraw', () => ({ input: { accountNumber: f.funded, amount: 10 } }), 'Account'],
  ['transfer', () => ({ input: { from: f.funded, to: f.sink, amount: 10 } }), 'Transfer'],
  ['closeAccount', () => ({ accountNumber: f.empty }), 'Account'],
  // Her own number again: the domain's answer, not a refusal.
  ['openAccount', () => ({ input: { accountNumber: f.funded, holder: 'Alice' } }), 'AccountExistsError'],
  ['calculate', () => ({ input: { calculatorId: f.calculator, operation: 'ADD', operand: 1 } }), 'Calculator'],
  ['sendCoins', () => ({ input: { from: f.coin, to: fresh('sa-coin'), amount: 1 } }), 'CoinTransfer'],
  ['addOrderItems', () => ({ id: f.orders[0]!.id, items: [item(freshUuid())] }), 'Order'],
  ['removeOrderItem', () => ({ id: f.orders[0]!.id, productId: f.orders[0]!.products[0] }), 'Order'],
  // Her own order id again: the domain's answer, not a refusal.
  [
    'createOrder',
    () => ({
      input: { id: f.orders[0]!.id, orderNumber: fresh('SA-PO'), businessPartner: 'alice@example.com', items: [item(freshUuid())] },
    }),
    'OrderAlreadyCreatedError',
  ],
  ['completeOrder', () => ({ id: f.orders[0]!.id }), 'Order'],
  ['deleteOrder', () => ({ id: f.orders[1]!.id }), 'DeletedOrder'],
  ['acknowledgeNotification', () => ({ id: f.notification }), 'Notification'],
  ['importActivity', () => ({ input: ride(f.running, f.athlete, fresh('sa-act'), 1_000) }), 'Challenge'],
  ['removeActivity', () => ({ input: { challengeId: f.running, activityId: f.activity } }), 'Challenge'],
  ['joinChallenge', () => ({ input: { challengeId: f.hosted, athleteId: f.athlete, athleteName: 'Alice' } }), 'Challenge'],
  ['leaveChallenge', () => ({ input: { challengeId: f.running, athleteId: f.athlete } }), 'Challenge'],
];

describe('the first actor still does what only an owner may', () => {
  it('every mutation an owner rule guards has an attempt of alice’s', () => {
    const guarded = mutations.map((field) => field.name).filter((name) => rulesOf(name).some((rule) => /owner/.test(rule)));
    expect(guarded.length).toBeGreaterThan(0);
    const missing = guarded.filter((name) => !ownerAttempts.some(([mutation]) => mutation === name));
    expect(missing, 'owner-guarded mutations without an attempt of alice’s').toEqual([]);
  });

  it.each(ownerAttempts)('%s', async (mutation, variables, typename) => {
    await t.settle();
    await must(alice, operationFor(schema.getMutationType()!.getFields()[mutation]!), variables(), typename);
  });
});
