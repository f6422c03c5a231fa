import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { challengeDomains, importActivity, runningChallenge } from './challenge-flow.js';
import { CREATE_CHALLENGE } from './challenge-operations.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
/** Screenshots land here (gitignored), to look at after a run. */
const SCREENSHOTS = 'test-results';

const slugOf = (name: string) => name.toLowerCase().replaceAll(' ', '-');

function shownAthletes(page: Page): Promise<string[]> {
  return page.$$eval('#rows tr', (rows) => rows.map((row) => (row as HTMLElement).dataset.athleteId ?? ''));
}

function shownActivities(page: Page): Promise<string[]> {
  return page.$$eval('#activities li', (items) => items.map((item) => (item as HTMLElement).dataset.activityId ?? ''));
}

describe.skipIf(!hasChromium)(
  `the live page as a race-day screen, in headless Chromium${hasChromium ? '' : ` (skipped: no browser at ${CHROMIUM})`}`,
  () => {
    let t: TestApp;
    let server: TestServer;
    let browser: Browser;
    let origin: string;

    beforeAll(async () => {
      t = await createTestApp({ domains: challengeDomains().domains });
      server = await startTestServer(t);
      origin = new URL(server.url).origin;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      await mkdir(SCREENSHOTS, { recursive: true });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** A page that counts the WebSockets it opens. */
    async function open(path: string) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const sockets: string[] = [];
      page.on('websocket', (socket) => sockets.push(socket.url()));
      await page.goto(`${origin}${path}`);
      return { page, sockets };
    }

    it('an unknown slug says so and stops: no socket, never "reconnecting…"', async () => {
      const { page, sockets } = await open('/live/challenges/no-such-challenge');
      try {
        await page.waitForFunction(() => document.getElementById('connection')?.textContent === 'not found', undefined, {
          timeout: 20_000,
        });
        expect(await page.isVisible('#not-found')).toBe(true);
        expect(await page.isVisible('#board')).toBe(false);
        expect(await page.textContent('#name')).toBe('Challenge not found');
        expect(await page.textContent('#not-found')).toContain('There is no challenge at this address');
        // Everything after the answer has already run: the page's own requests are done.
        await page.waitForLoadState('networkidle');
        expect(await page.textContent('#connection')).toBe('not found');
        expect(sockets).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOTS}/live-not-found.png`, fullPage: true });
      } finally {
        await page.close();
      }
    }, 60_000);

    it('shows progress bars, MEN/WOMEN tabs, the latest activities and local dates, and follows new activities live', async () => {
      const challenge = await runningChallenge(
        t,
        [
          ['ann', 'Ann', 'WOMEN'],
          ['bob', 'Bob', 'MEN'],
          ['cat', 'Cat', 'WOMEN'],
        ],
        { endDate: '2099-06-01T00:00:00.000Z' },
      );
      await importActivity(t, challenge.id, 'a1', 'ann', 20_000, 2);
      await importActivity(t, challenge.id, 'b1', 'bob', 55_000, 3);

      const { page, sockets } = await open(`/live/challenges/${slugOf(challenge.name)}`);
      try {
        await page.waitForFunction(() => document.getElementById('connection')?.textContent === 'live', undefined, { timeout: 20_000 });
        expect(await page.textContent('#name')).toBe(challenge.name);
        expect(sockets).toHaveLength(1);

        // Dates as local dates: no midnight time.
        const details = (await page.textContent('#details'))!;
        expect(details).toContain('2099');
        expect(details).not.toMatch(/\d{1,2}:\d{2}/);
        expect(details).toContain('goal 100.0 km');

        // The overall board, with a bar toward the goal per athlete.
        expect(await shownAthletes(page)).toEqual(['bob', 'ann', 'cat']);
        expect(await page.getAttribute('#rows tr[data-athlete-id="bob"] [role="progressbar"]', 'aria-valuenow')).toBe('55');
        const bar = await page.$eval('#rows tr[data-athlete-id="bob"] .fill', (fill) => {
          const box = fill.getBoundingClientRect();
          const track = fill.parentElement!.getBoundingClientRect();
          return { width: box.width, height: box.height, share: box.width / track.width };
        });
        expect(bar.height).toBeGreaterThanOrEqual(10);
        expect(bar.share).toBeCloseTo(0.55, 1);
        expect(await page.textContent('#rows tr[data-athlete-id="ann"] .percent')).toBe('20%');
        expect(await page.isVisible('#empty')).toBe(false);

        // The latest activities, newest first.
        expect(await shownActivities(page)).toEqual(['b1', 'a1']);
        expect(await page.textContent('#activities li[data-activity-id="b1"]')).toContain('Bob · 55.0 km ride');
        expect(await page.textContent('#activities li[data-activity-id="b1"] .when')).not.toMatch(/\d{1,2}:\d{2}/);

        // Tabs switch the board.
        await page.click('#tab-WOMEN');
        expect(await page.getAttribute('#tab-WOMEN', 'aria-selected')).toBe('true');
        expect(await page.getAttribute('#tab-OVERALL', 'aria-selected')).toBe('false');
        expect(await shownAthletes(page)).toEqual(['ann', 'cat']);
        await page.click('#tab-MEN');
        expect(await shownAthletes(page)).toEqual(['bob']);

        // A new activity arrives without a reload: on the board of the tab shown, and at the top of the activities.
        await page.click('#tab-WOMEN');
        await importActivity(t, challenge.id, 'c1', 'cat', 30_000, 4);
        await page.waitForFunction(() => document.querySelector('#rows tr')?.getAttribute('data-athlete-id') === 'cat', undefined, {
          timeout: 20_000,
        });
        expect(await shownAthletes(page)).toEqual(['cat', 'ann']);
        await page.waitForFunction(() => document.querySelector('#activities li')?.getAttribute('data-activity-id') === 'c1', undefined, {
          timeout: 20_000,
        });
        expect(await shownActivities(page)).toEqual(['c1', 'b1', 'a1']);
        expect(sockets).toHaveLength(1);
        await page.screenshot({ path: `${SCREENSHOTS}/live-race-day.png`, fullPage: true });
      } finally {
        await page.close();
      }
    }, 90_000);

    it('says so when a category has no one and no activity was recorded yet', async () => {
      const challenge = await runningChallenge(t, [['dan', 'Dan', 'MEN']]);
      const { page } = await open(`/live/challenges/${slugOf(challenge.name)}`);
      try {
        await page.waitForFunction(() => document.getElementById('connection')?.textContent === 'live', undefined, { timeout: 20_000 });
        expect(await page.isVisible('#no-activities')).toBe(true);
        expect(await page.textContent('#no-activities')).toContain('No activities yet');
        expect(await page.isVisible('#empty')).toBe(false);
        await page.click('#tab-WOMEN');
        expect(await shownAthletes(page)).toEqual([]);
        expect(await page.isVisible('#empty')).toBe(true);
        expect(await page.textContent('#empty')).toBe('No one competes in women yet.');
        await page.screenshot({ path: `${SCREENSHOTS}/live-empty.png`, fullPage: true });
      } finally {
        await page.close();
      }
    }, 60_000);

    it('an empty challenge says the leaderboard fills in as athletes join', async () => {
      const { id, name } = {
        id: `ch-empty-${Math.random().toString(36).slice(2, 8)}`,
        name: `Empty ${Math.random().toString(36).slice(2, 8)}`,
      };
      const created = await t.graphql(CREATE_CHALLENGE, {
        input: {
          id,
          name,
          description: 'Nobody yet',
          startDate: '2024-05-01T00:00:00.000Z',
          endDate: '2099-06-01T00:00:00.000Z',
          goalMetres: 50_000,
          activityType: 'RUN',
        },
      });
      expect(created.data!.createChallenge.__typename).toBe('Challenge');
      const { page } = await open(`/live/challenges/${slugOf(name)}`);
      try {
        await page.waitForFunction(() => document.getElementById('connection')?.textContent === 'live', undefined, { timeout: 20_000 });
        expect(await page.textContent('#empty')).toContain('No one has joined yet');
        expect(await page.isVisible('#empty')).toBe(true);
      } finally {
        await page.close();
      }
    }, 60_000);
  },
);
