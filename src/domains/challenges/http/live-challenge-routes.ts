import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpRoute } from '../../../server/http-route.js';
import { findChallenge } from '../graphql/challenge-reads.js';
import { liveChallengePage } from './live/live-challenge-page.js';

const graphqlWsDirectory = dirname(dirname(createRequire(import.meta.url).resolve('graphql-ws')));

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The page's three scripts: the graphql-ws browser build from node_modules, the resuming client every client of
 * the repository may use (clients/), and its own. Nothing from a CDN.
 */
const assets: Record<string, string> = {
  'graphql-ws.min.js': join(graphqlWsDirectory, 'umd', 'graphql-ws.min.js'),
  'resuming-subscriptions.js': join(here, '..', '..', '..', '..', 'clients', 'resuming-subscriptions.js'),
  'live-challenge.js': join(here, 'live', 'live-challenge.browser.js'),
};
const loaded = new Map<string, Promise<Buffer>>();

/** GET /live/challenges/:slug: the leaderboard of a challenge, updating live over graphql-ws. */
export const liveChallengePageRoute: HttpRoute = {
  method: 'GET',
  path: '/live/challenges/:slug',
  async handle({ app, response, params }) {
    // An unknown slug gets the same page, which shows its not-found state, but as a 404: a link checker or crawler sees it.
    const found = await findChallenge({ reads: app.database }, { slug: params.slug! });
    response.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(liveChallengePage(params.slug!));
  },
};

export const liveAssetsRoute: HttpRoute = {
  method: 'GET',
  path: '/live/assets/:file',
  async handle({ response, params }) {
    const path = assets[params.file!];
    if (!path) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void response.end('Not found');
    }
    let content = loaded.get(path);
    if (!content) {
      content = readFile(path);
      content.catch(() => loaded.delete(path));
      loaded.set(path, content);
    }
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' });
    response.end(await content);
  },
};
