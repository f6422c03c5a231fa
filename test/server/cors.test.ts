import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorsConfig } from '../../src/server/cors.js';
import { createTestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** A browser's preflight before a credentialed JSON post with a bearer token. */
function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

function post(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: '{ projections { name } }' }),
  });
}

function expectNoCors(response: Response): void {
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
  expect(response.headers.get('access-control-allow-credentials')).toBeNull();
}

function expectAllowed(response: Response, origin: string): void {
  expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  expect(response.headers.get('access-control-allow-credentials')).toBe('true');
}

describe('CORS with the development defaults', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(await createTestApp({ domains: [] }));
  });
  afterAll(() => server.close());

  it('does not reflect an arbitrary origin, with credentials or without', async () => {
    expectNoCors(await preflight(server.url, 'https://evil.example'));
    expectNoCors(await post(server.url, 'https://evil.example'));
    expectNoCors(await preflight(server.url, 'null'));
  });

  it('lets a page on this machine call it, whatever its port', async () => {
    const response = await preflight(server.url, 'http://localhost:5173');
    expect(response.status).toBe(204);
    expectAllowed(response, 'http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expectAllowed(await post(server.url, 'http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
    expectNoCors(await preflight(server.url, 'http://localhost.evil.example'));
  });
});

describe('CORS with CORS_ORIGINS', () => {
  let server: TestServer;
  beforeAll(async () => {
    const cors = loadCorsConfig({ CORS_ORIGINS: 'https://app.example, https://admin.example:8443' }, true);
    server = await startTestServer(await createTestApp({ domains: [], config: { cors } }));
  });
  afterAll(() => server.close());

  it('allows exactly the listed origins', async () => {
    expectAllowed(await preflight(server.url, 'https://app.example'), 'https://app.example');
    expectAllowed(await post(server.url, 'https://admin.example:8443'), 'https://admin.example:8443');
    for (const origin of ['https://evil.example', 'http://app.example', 'https://app.example.evil.example', 'http://localhost:5173']) {
      expectNoCors(await preflight(server.url, origin));
    }
  });
});

describe('loadCorsConfig', () => {
  it('defaults to no other origin in production and this machine’s pages in development', () => {
    expect(loadCorsConfig({}, true)).toEqual({ origins: [], loopback: false });
    expect(loadCorsConfig({}, false)).toEqual({ origins: [], loopback: true });
  });

  it('reads origins as a browser sends them and refuses anything else', () => {
    expect(loadCorsConfig({ CORS_ORIGINS: 'https://App.Example:443/' }, false)).toEqual({
      origins: ['https://app.example'],
      loopback: false,
    });
    for (const value of ['*', 'app.example', 'https://app.example/path', 'ftp://app.example']) {
      expect(() => loadCorsConfig({ CORS_ORIGINS: value }, false)).toThrow(/CORS_ORIGINS/);
    }
  });
});
