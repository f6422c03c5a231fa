import type { ServerResponse } from 'node:http';

export const HEAP_PATH = '/debug/heap';

export interface HeapReport {
  /** Whether a full collection ran first (only when Node runs with `--expose-gc`). */
  collected: boolean;
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
  arrayBuffers: number;
}

/**
 * POST /debug/heap, for load tests only (off unless DEBUG_HEAP_ENDPOINT=1): forces a full garbage
 * collection when Node exposes one, then reports the process's memory, so that heap figures
 * compare live data rather than whatever garbage happened to be waiting.
 */
export function serveHeap(response: ServerResponse): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first collection can leave objects whose finalisation frees more.
  gc?.();
  gc?.();
  const { heapUsed, heapTotal, rss, external, arrayBuffers } = process.memoryUsage();
  const report: HeapReport = { collected: gc !== undefined, heapUsed, heapTotal, rss, external, arrayBuffers };
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(report));
}
