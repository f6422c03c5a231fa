import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/sign-token.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_AUTH } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

/** The response pane's text: Monaco renders spaces as no-break spaces. */
async function responseText(page: Page): Promise<string> {
  return ((await page.locator('.graphiql-response').textContent()) ?? '').replaceAll('\u00a0', ' ');
}

async function waitForResponseText(page: Page, text: string): Promise<void> {
  await expect.poll(() => responseText(page), { timeout: 20_000 }).toContain(text);
}

/**
 * Selects a GraphiQL tab (once the page has restored its tabs, which may select another), runs it
 * and waits for `expected` in its response. GraphiQL works out the selected operation's name a
 * moment after a tab switch; run at once (faster than a person clicks), it may still send the
 * previous tab's name and answer "Cannot infer operation": then it is run again, as a person would.
 */
async function runTab(page: Page, title: string, expected?: string): Promise<void> {
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
  const execute = page.locator('.graphiql-execute-button');
  await execute.click();
  if (expected === undefined) return;
  await expect
    .poll(
      async () => {
        const text = await responseText(page);
        if (text.includes('Cannot infer operation')) await execute.click();
        return text;
      },
      { timeout: 20_000 },
    )
    .toContain(expected);
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
      await runTab(first, 'OpenAccount', '"accountNumber": "ACC-1"');

      // The user token reaches the admin tab too: the event browser refuses it.
      await runTab(first, 'Log', 'FORBIDDEN');

      const second = await context.newPage();
      await second.goto(server.url);
      await runTab(second, 'WatchBalance');
      // The subscription is live once the server holds it; then the deposit in the first page fires it.
      const open = async () =>
        (await t.app.metrics.openSubscriptions.get()).values.find((value) => value.labels.transport === 'websocket')?.value;
      await expect
        .poll(
          async () => {
            if ((await open()) === 1) return 1;
            const text = await responseText(second);
            // This page restored the last operation name the first one ran (GraphiQL keeps it in local storage).
            if (text.includes('Cannot infer operation')) await second.locator('.graphiql-execute-button').click();
            return text;
          },
          { timeout: 20_000 },
        )
        .toBe(1);
      await runTab(first, 'Deposit', '"balance": 12500');
      await waitForResponseText(second, '"delta": 12500');
    } finally {
      await context.close();
    }
  }, 90_000);
});
