import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page, type WebSocket as PageWebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
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

async function openGraphiQL(page: Page, url: string, query: string): Promise<void> {
  await page.goto(`${url}?query=${encodeURIComponent(query)}`);
  await page.locator('.graphiql-execute-button').click();
}

describe.skipIf(!hasChromium)(`GraphiQL in headless Chromium${hasChromium ? '' : ` (skipped: no browser at ${CHROMIUM})`}`, () => {
  let t: TestApp;
  let server: TestServer;
  let browser: Browser;
  /** Every request the page made to anything but our server: GraphiQL must work offline. */
  const external: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ domains: [] });
    server = await startTestServer(t, { graphiql: true });
    await t.app.store.append('order-7', [{ type: 'OrderPlaced', data: { total: 4200 } }]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    const origin = new URL(server.url).origin;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      external.push(url);
      return route.abort();
    });
    return page;
  }

  it('is served self-contained: it loads and runs with every other host unreachable', async () => {
    const page = await newPage();
    try {
      await openGraphiQL(page, server.url, '{ events(first: 5) { edges { node { streamId type data } } } }');
      await waitForResponseText(page, '"streamId": "order-7"');
      await waitForResponseText(page, '"total": 4200');
      expect(await page.title()).toBe('Chronicle');
      expect(external).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('runs a subscription over a WebSocket on /graphql and shows each event as it arrives', async () => {
    const page = await newPage();
    const sockets: PageWebSocket[] = [];
    const received: string[] = [];
    page.on('websocket', (socket) => {
      sockets.push(socket);
      socket.on('framereceived', ({ payload }) => void received.push(String(payload)));
    });
    try {
      const head = await t.app.store.head();
      await openGraphiQL(page, server.url, `subscription { events(after: "${head}") { streamId type data } }`);

      await t.app.store.append('order-8', [{ type: 'OrderPlaced', data: { total: 1 } }]);
      await waitForResponseText(page, '"streamId": "order-8"');
      // Now that the subscription is surely live, a new event must be pushed to it.
      await t.app.store.append('order-8', [{ type: 'OrderShipped', data: { carrier: 'owl' } }]);
      await waitForResponseText(page, '"carrier": "owl"');

      expect(sockets.map((socket) => new URL(socket.url()).pathname)).toEqual(['/graphql']);
      expect(received.some((frame) => frame.includes('"type":"next"') && frame.includes('OrderShipped'))).toBe(true);
      expect(external).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
