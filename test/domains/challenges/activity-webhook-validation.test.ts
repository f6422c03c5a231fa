import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER } from '../../../src/domains/challenges/http/activity-webhook-route.js';
import { ValidationError } from '../../../src/es/domain-error.js';
import { hmacSignature } from '../../../src/server/hmac-signature.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { challengeDomains } from './challenge-flow.js';

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

let activityIds = 9_000;
function notification(overrides: Record<string, unknown> = {}, activity: Record<string, unknown> = {}) {
  return {
    object_type: 'activity',
    aspect_type: 'create',
    object_id: ++activityIds,
    owner_id: 801,
    event_time: 1_714_636_800,
    activity: {
      type: 'Ride',
      start_date_local: '2024-05-02T08:00:00Z',
      distance: 42_195.4,
      moving_time: 5_400,
      total_elevation_gain: 310.6,
      ...activity,
    },
    ...overrides,
  };
}

/** Posts a correctly signed body and proves it appended nothing; answers the status and the parsed JSON body. */
async function postSigned(body: unknown): Promise<{ status: number; json: any }> {
  const raw = JSON.stringify(body);
  await t.settle();
  const head = await t.app.store.head();
  const response = await fetch(webhook, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: hmacSignature(SECRET, raw) },
    body: raw,
  });
  const text = await response.text();
  await t.settle();
  expect(await t.app.store.head()).toBe(head);
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

const refusedFields = (json: any) => json.fields.map((field: { path: string; message: string }) => [field.path, field.message]);

describe('POST /webhooks/activities validates with the tracker-activity commands’ own rules', () => {
  it.each([
    ['object_id', { object_id: '-9001' }],
    ['object_id', { object_id: '_9001' }],
    ['owner_id', { owner_id: '-801' }],
    ['owner_id', { owner_id: '_801' }],
  ])('answers 400 naming %s when an id breaks the command’s id rule', async (path, overrides) => {
    const { status, json } = await postSigned(notification(overrides));
    expect(status).toBe(400);
    expect(refusedFields(json)).toEqual([[path, 'must be 1 to 64 letters, digits, dashes, dots, colons or underscores']]);
    expect(json.error).toContain(`${path}: must be 1 to 64 letters`);
  });

  it('answers 400 to a distance beyond what the command accepts', async () => {
    const { status, json } = await postSigned(notification({}, { distance: 1e300 }));
    expect(status).toBe(400);
    expect(refusedFields(json)).toContainEqual(['activity.distance', 'is too large']);
    expect(new Set(refusedFields(json).map(([path]: [string]) => path))).toEqual(new Set(['activity.distance']));
  });

  it('reports every failing field of the activity at once', async () => {
    const { status, json } = await postSigned(
      notification({ owner_id: '_801' }, { distance: -1, moving_time: 1.5, start_date_local: 'yesterday' }),
    );
    expect(status).toBe(400);
    expect(refusedFields(json)).toEqual(
      expect.arrayContaining([
        ['owner_id', expect.any(String)],
        ['activity.distance', 'must not be negative'],
        ['activity.moving_time', 'must be a whole number of seconds'],
        ['activity.start_date_local', 'must be an ISO-8601 date and time'],
      ]),
    );
  });

  it('answers 400 to a signed delete whose ids break the rule, and stores nothing', async () => {
    const { status, json } = await postSigned({ object_type: 'activity', aspect_type: 'delete', object_id: '-9001', owner_id: '_801' });
    expect(status).toBe(400);
    expect(refusedFields(json).map(([path]: [string]) => path)).toEqual(['object_id', 'owner_id']);
  });

  it('ignores an activity type it does not know, whatever its name', async () => {
    for (const type of ['constructor', '__proto__']) {
      const { status, json } = await postSigned(notification({}, { type }));
      expect([status, json]).toEqual([202, { accepted: false, ignored: `activity type ${type}` }]);
    }
  });
});

describe('the tracker-activity commands', () => {
  it('refuse a delete with ids that break the rule, whoever sends it', async () => {
    await t.settle();
    const head = await t.app.store.head();
    const sent = t.app.router.dispatch({ type: 'DeleteTrackerActivity', activityId: '-9001', athleteId: '_801' });
    await expect(sent).rejects.toBeInstanceOf(ValidationError);
    await expect(sent).rejects.toMatchObject({ fields: [{ path: 'activityId' }, { path: 'athleteId' }] });
    expect(await t.app.store.head()).toBe(head);
  });
});
