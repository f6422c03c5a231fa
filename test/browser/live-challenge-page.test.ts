import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { challengeDomains, importActivity, runningChallenge } from '../domains/challenges/challenge-flow.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

/** The athlete ids of the leaderboard rows, top to bottom, as the page shows them. */
function shownOrder(page: Page): Promise<string[]> {
  return page.$$eval('#rows tr', (rows) => rows.map((row) => (row as HTMLElement).dataset.athleteId ?? ''));
}

describe.skipIf(!hasChromium)(
  `the live challenge page in headless Chromium${hasChromium ? '' : ` (skipped: no browser at ${CHROMIUM})`}`,
  () => {
    let t: TestApp;
    let server: TestServer;
    let browser: Browser;
    const external: string[] = [];

    beforeAll(async () => {
      t = await createTestApp({ domains: challengeDomains().domains });
      server = await startTestServer(t);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('shows the leaderboard and, when an activity is imported through GraphQL, the new order without a reload', async () => {
      const challenge = await runningChallenge(t, [
        ['ann', 'Ann'],
        ['bob', 'Bob'],
      ]);
      await importActivity(t, challenge.id, 'a1', 'ann', 20_000);
      await importActivity(t, challenge.id, 'b1', 'bob', 10_000);

      const page = await browser.newPage();
      const origin = new URL(server.url).origin;
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin)) return route.continue();
        external.push(url);
        return route.abort();
      });
      try {
        const slug = challenge.name.toLowerCase().replaceAll(' ', '-');
        await page.goto(`${origin}/live/challenges/${slug}`);
        await page.waitForFunction(() => document.querySelectorAll('#rows tr').length === 2, undefined, { timeout: 20_000 });
        expect(await shownOrder(page)).toEqual(['ann', 'bob']);
        expect(await page.textContent('#name')).toBe(challenge.name);
        await page.waitForFunction(() => document.getElementById('connection')?.textContent === 'live');
        await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

        await importActivity(t, challenge.id, 'b2', 'bob', 15_000);
        await page.waitForFunction(() => document.querySelector('#rows tr')?.getAttribute('data-athlete-id') === 'bob', undefined, {
          timeout: 20_000,
        });
        expect(await shownOrder(page)).toEqual(['bob', 'ann']);
        expect(await page.getAttribute('#rows tr[data-athlete-id="bob"]', 'class')).toBe('gained');
        expect(await page.getAttribute('#rows tr[data-athlete-id="ann"]', 'class')).toBe('lost');
        expect(await page.textContent('#rows tr[data-athlete-id="bob"] td:nth-child(3)')).toBe('25.0');
        expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
        expect(external).toEqual([]);
      } finally {
        await page.close();
      }
    }, 90_000);

    it('serves only its own two scripts', async () => {
      const origin = new URL(server.url).origin;
      const library = await fetch(`${origin}/live/assets/graphql-ws.min.js`);
      expect(library.status).toBe(200);
      expect(await library.text()).toContain('createClient');
      expect((await fetch(`${origin}/live/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
      expect((await fetch(`${origin}/live/assets/package.json`)).status).toBe(404);
    });
  },
);
