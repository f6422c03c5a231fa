import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Where credentials could end up in a log line: HTTP headers, graphql-ws connection params, and
 * fields named like a secret (one or two levels down). Each is replaced by `[Redacted]`.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'authorization',
  '*.authorization',
  'connectionParams',
  '*.connectionParams',
  'token',
  '*.token',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'databaseUrl',
  '*.databaseUrl',
  'databaseSessionUrl',
  '*.databaseSessionUrl',
];

/**
 * Structured JSON logs; request and correlation ids ride along as fields (see docs/observability.md).
 * Standard output is written asynchronously: lines logged while a write is in flight go out together
 * in the next, so a request's log line never waits on a write system call. pino flushes what is left
 * when the process exits.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'chronicle' }, redact: REDACTED_PATHS };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
