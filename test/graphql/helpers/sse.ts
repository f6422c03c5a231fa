import { print, type DocumentNode } from 'graphql';

export interface SseEvent {
  event: string;
  data: string;
}

/**
 * A GraphQL subscription over server-sent events (GraphQL over SSE, "distinct connections"
 * mode, as Yoga serves it): yields each event as the server sends it, and ends with the stream.
 */
export async function* sseSubscription(
  url: string,
  document: DocumentNode,
  variables?: Record<string, unknown>,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): AsyncGenerator<SseEvent> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok || !response.body) throw new Error(`SSE request failed with ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) !== -1) {
        const event = parseBlock(buffer.slice(0, boundary));
        buffer = buffer.slice(boundary + 2);
        if (event) yield event;
      }
    }
  } finally {
    // Leaving early (a test took what it needed) closes the stream, which ends the subscription.
    await reader.cancel().catch(() => {});
  }
}

function parseBlock(block: string): SseEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  return data.length === 0 && event === 'message' ? undefined : { event, data: data.join('\n') };
}
