import type { CORSOptions } from 'graphql-yoga';
import { POSITION_HEADER } from '../graphql/consistency/written-position.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/** Which web pages, by origin, a browser lets call the API (CORS). */
export interface CorsConfig {
  /** Exact origins, as a browser sends them: `https://app.example.com`. */
  origins: string[];
  /** Also any page of this machine (localhost, 127.0.0.1, [::1], any port): development. */
  loopback: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `CORS_ORIGINS`, comma-separated. Unset: this machine's pages in development, no other origin in production. */
export function loadCorsConfig(env: NodeJS.ProcessEnv, production: boolean): CorsConfig {
  const listed = env.CORS_ORIGINS?.trim();
  if (!listed) return { origins: [], loopback: !production };
  return { origins: listed.split(',').map((origin) => originOf(origin.trim())), loopback: false };
}

/**
 * Yoga's `cors`: a page from an allowed origin gets its origin back (with credentials); any other
 * origin no CORS header at all, so its browser keeps the response from it. Never a reflection of
 * whatever origin asked. Same-origin pages (GraphiQL) need none.
 */
export function corsPolicy(config: CorsConfig): (request: Request) => CORSOptions {
  const origins = new Set(config.origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !(origins.has(origin) || (config.loopback && isLoopback(origin)))) return false;
    return { origin: [origin], credentials: true, methods: ['GET', 'POST'], exposedHeaders: [REQUEST_ID_HEADER, POSITION_HEADER] };
  };
}

function isLoopback(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

function originOf(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new Error(`CORS_ORIGINS takes origins such as https://app.example.com, got "${value}"`);
  }
  return url.origin;
}
