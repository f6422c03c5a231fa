import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Answers a request whose body is too large (413) or of undeclared length (411) before anything
 * reads it; returns whether it answered. Node frames a body by its Content-Length, so the
 * declared length is the length that will be read.
 */
export function refuseOversizedBody(request: IncomingMessage, response: ServerResponse, maxBytes: number): boolean {
  const declared = request.headers['content-length'];
  if (declared === undefined) {
    if (request.headers['transfer-encoding'] === undefined) return false;
    return answer(response, 411, 'LENGTH_REQUIRED', 'A request body needs a Content-Length header');
  }
  if (Number(declared) <= maxBytes) return false;
  return answer(response, 413, 'PAYLOAD_TOO_LARGE', `The request body exceeds the limit of ${maxBytes} bytes`);
}

function answer(response: ServerResponse, status: number, code: string, message: string): true {
  // The unread body would be taken for the next request on this connection: close it.
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  return true;
}
