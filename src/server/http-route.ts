import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Chronicle } from './chronicle.js';

export interface HttpRouteContext {
  app: Chronicle;
  request: IncomingMessage;
  response: ServerResponse;
  /** Named segments of the path, e.g. `slug` of /live/challenges/:slug. */
  params: Record<string, string>;
}

/** A plain HTTP endpoint beside GraphQL (a webhook, a page), served by the node:http server. */
export interface HttpRoute {
  method: 'GET' | 'POST';
  /** A path with `:name` segments, e.g. `/live/challenges/:slug`. */
  path: string;
  handle(context: HttpRouteContext): Promise<void>;
}

/** The route serving this request, with its path parameters. */
export function matchRoute(routes: readonly HttpRoute[], method: string | undefined, pathname: string) {
  const segments = pathname.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index]!;
      if (!part.startsWith(':')) return part === segment;
      if (segment === '') return false;
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
        return true;
      } catch {
        return false;
      }
    });
    if (matches) return { route, params };
  }
  return undefined;
}

/** Reads a request body up to `limit` bytes; undefined when it is larger. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
