import type { ServerResponse } from 'node:http';
import type { Chronicle } from './chronicle.js';

export const METRICS_PATH = '/metrics';

/** GET /metrics: this instance's Prometheus metrics in the text exposition format. */
export async function serveMetrics(app: Chronicle, response: ServerResponse): Promise<void> {
  let body: string;
  try {
    body = await app.metrics.render();
  } catch (error) {
    app.logger.error({ err: error }, 'metrics scrape failed');
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    return void response.end('metrics unavailable\n');
  }
  response.writeHead(200, { 'content-type': app.metrics.contentType, 'cache-control': 'no-store' });
  response.end(body);
}
