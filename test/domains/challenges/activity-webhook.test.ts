import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER } from '../../../src/domains/challenges/http/activity-webhook-route.js';
import { hmacSignature } from '../../../src/server/hmac-signature.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { challengeDomains, runningChallenge } from './challenge-flow.js';
import { CHALLENGE } from './challenge-operations.js';

const SECRET = 'tracker-shared-secret';
let t: TestApp;
let server: TestServer;
let webhook: string;

beforeAll(async () => {
  t = await createTestApp({ domains: challengeDomains().domains, config: { activityWebhookSecret: SECRET } });
  server = await startTestServer(t);
  webhook = new URL('/webhooks/activities', server.url).href;
});
afterAll(() => server.close());

let activityIds = 5_000;
function notification(ownerId: number, overrides: Record<string, unknown> = {}) {
  return {
    object_type: 'activity',
    aspect_type: 'create',
    object_id: ++activityIds,
    owner_id: ownerId,
    event_time: 1_714_636_800,
    activity: {
      type: 'Ride',
      start_date_local: '2024-05-02T08:00:00Z',
      distance: 42_195.4,
      moving_time: 5_400,
      total_elevation_gain: 310.6,
    },
    ...overrides,
  };
}

function post(body: unknown, signature?: string) {
  const raw = JSON.stringify(body);
  return fetch(webhook, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature ?? hmacSignature(SECRET, raw) },
    body: raw,
  });
}

async function leaderboard(challengeId: string) {
  await t.settle();
  const { data } = await t.graphql(CHALLENGE, { id: challengeId });
  return data!.challenge!.leaderboard.edges.map((edge) => [edge.node.athleteId, edge.node.distanceMetres, edge.node.activityCount]);
}

describe('POST /webhooks/activities', () => {
  it('imports a tracker activity into every running challenge the athlete competes in', async () => {
    const rides = await runningChallenge(t, [
      ['701', 'Ann'],
      ['702', 'Bob'],
    ]);
    const alsoRides = await runningChallenge(t, [['701', 'Ann']]);
    const runs = await runningChallenge(t, [['701', 'Ann']], { activityType: 'RUN' });
    const body = notification(701);
    const response = await post(body);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: true, recorded: true });

    expect(await leaderboard(rides.id)).toEqual([
      ['701', 42_195, 1],
      ['702', 0, 0],
    ]);
    expect(await leaderboard(alsoRides.id)).toEqual([['701', 42_195, 1]]);
    // A ride does not count in a running challenge: the challenge refused it, the process moved on.
    expect(await leaderboard(runs.id)).toEqual([['701', 0, 0]]);
    expect(await t.app.runtimes.deadLetters()).toEqual([]);
  });

  it('imports the same notification once, however often it is delivered', async () => {
    const { id } = await runningChallenge(t, [['711', 'Ann']]);
    const body = notification(711);
    const responses = await Promise.all([post(body), post(body), post(body)]);
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202]);
    expect((await post(body)).status).toBe(202);
    expect(await leaderboard(id)).toEqual([['711', 42_195, 1]]);
    const recorded = await t.app.store.readAll({ after: 0, limit: 10_000, types: ['ActivityRecorded'] });
    expect(recorded.filter((event: any) => event.data.activityId === String(body.object_id))).toHaveLength(1);
  });

  it('removes a deleted activity, and a late create after the delete changes nothing', async () => {
    const { id } = await runningChallenge(t, [['721', 'Ann']]);
    const created = notification(721);
    await post(created);
    expect(await leaderboard(id)).toEqual([['721', 42_195, 1]]);
    const deletion = { ...created, aspect_type: 'delete', activity: undefined };
    expect((await post(deletion)).status).toBe(202);
    expect(await leaderboard(id)).toEqual([['721', 0, 0]]);
    expect(await (await post(created)).json()).toEqual({ accepted: true, recorded: false });
    expect(await leaderboard(id)).toEqual([['721', 0, 0]]);
  });

  it('answers 401 to a bad or missing signature and changes nothing', async () => {
    const { id } = await runningChallenge(t, [['731', 'Ann']]);
    await t.settle();
    const head = await t.app.store.head();
    const body = notification(731);
    const forged = hmacSignature('not-the-secret', JSON.stringify(body));
    expect((await post(body, forged)).status).toBe(401);
    expect((await post(body, 'sha256=')).status).toBe(401);
    const unsigned = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(unsigned.status).toBe(401);
    // Signed for one body, sent with another.
    const tampered = await fetch(webhook, {
      method: 'POST',
      headers: { [SIGNATURE_HEADER]: hmacSignature(SECRET, JSON.stringify(body)) },
      body: JSON.stringify({ ...body, owner_id: 999 }),
    });
    expect(tampered.status).toBe(401);
    expect(await t.app.store.head()).toBe(head);
    expect(await leaderboard(id)).toEqual([['731', 0, 0]]);
  });

  it('answers 400 to a signed body that is not a notification, and ignores what it does not handle', async () => {
    await t.settle();
    const head = await t.app.store.head();
    const bad = await post({ object_type: 'activity', aspect_type: 'create', object_id: -1 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields.map((field: { path: string }) => field.path)).toEqual(
      expect.arrayContaining(['object_id', 'owner_id']),
    );
    const athlete = await post(notification(1, { object_type: 'athlete' }));
    expect(await athlete.json()).toMatchObject({ accepted: false });
    expect(await t.app.store.head()).toBe(head);
  });
});
