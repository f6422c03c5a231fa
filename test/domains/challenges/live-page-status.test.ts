import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { challengeDomains, newChallenge } from './challenge-flow.js';
import { CREATE_CHALLENGE } from './challenge-operations.js';

describe('the live page answers with the status of its challenge', () => {
  let server: TestServer;
  let origin: string;
  const challenge = newChallenge();
  const slug = challenge.name.toLowerCase().replaceAll(' ', '-');

  beforeAll(async () => {
    const t = await createTestApp({ domains: challengeDomains().domains });
    server = await startTestServer(t);
    origin = new URL(server.url).origin;
    const created = await t.graphql(CREATE_CHALLENGE, { input: challenge });
    expect(created.data!.createChallenge.__typename).toBe('Challenge');
  });

  afterAll(() => server.close());

  it('200 for a challenge that exists', async () => {
    const response = await fetch(`${origin}/live/challenges/${slug}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`data-slug="${slug}"`);
  });

  it('404 for a slug no challenge has, with the page that shows its not-found state', async () => {
    const response = await fetch(`${origin}/live/challenges/no-such-challenge`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('data-slug="no-such-challenge"');
    expect(page).toContain('<section id="not-found" hidden>');
  });
});
