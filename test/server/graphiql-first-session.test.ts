import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/sign-token.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_AUTH } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

/** Where the page's text can be searched: Monaco renders spaces as no-break spaces. */
async function waitForResponseText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelector('.graphiql-response')?.textContent?.replaceAll('\u00a0', ' ').includes(expected),
    text,
    { timeout: 20_000 },
  );
}

/** Selects a GraphiQL tab (once the page has restored its tabs, which may select another) and runs it. */
async function runTab(page: Page, title: string): Promise<void> {
  const active = page.locator('.graphiql-tab-active', { hasText: title });
  await expect
    .poll(
      async () => {
        if ((await active.count()) === 0) await page.locator('.graphiql-tab-button', { hasText: title }).click();
        return active.count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await page.locator('.graphiql-execute-button').click();
}

describe.skipIf(!hasChromium)(`GraphiQL's first session in headless Chromium${hasChromium ? '' : ' (skipped: no browser)'}`, () => {
  let t: TestApp;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // Anonymous without a token: whatever the tabs do, they do with the header the page gives them.
    t = await createTestApp({ actor: null });
    const token = await signToken(TEST_AUTH, { subject: 'user', roles: [] });
    server = await startTestServer(t, { graphiql: { headers: JSON.stringify({ authorization: `Bearer ${token}` }) } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens on the walkthrough tabs with the user token, and a second browser tab watches the balance while the first deposits', async () => {
    const context = await browser.newContext();
    try {
      const first = await context.newPage();
      await first.goto(server.url);
      for (const title of ['OpenAccount', 'WatchBalance', 'Deposit', 'MyAccount', 'Log']) {
        await expect(first.locator('.graphiql-tab', { hasText: title }).count()).resolves.toBe(1);
      }
      await runTab(first, 'OpenAccount');
      await waitForResponseText(first, '"accountNumber": "ACC-1"');

      // The user token reaches the admin tab too: the event browser refuses it.
      await runTab(first, 'Log');
      await waitForResponseText(first, 'FORBIDDEN');

      const second = await context.newPage();
      await second.goto(server.url);
      await runTab(second, 'WatchBalance');
      // The subscription is live once the server holds it; then the deposit in the first page fires it.
      const open = async () =>
        (await t.app.metrics.openSubscriptions.get()).values.find((value) => value.labels.transport === 'websocket')?.value;
      await expect
        .poll(async () => ((await open()) === 1 ? 1 : await second.locator('.graphiql-response').textContent()), { timeout: 20_000 })
        .toBe(1);
      await runTab(first, 'Deposit');
      await waitForResponseText(first, '"balance": 12500');
      await waitForResponseText(second, '"delta": 12500');
    } finally {
      await context.close();
    }
  }, 90_000);
});
