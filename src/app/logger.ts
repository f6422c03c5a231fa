import pino, { type Logger } from 'pino';

/** Structured JSON logs; request and correlation ids ride along as child bindings. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'chronicle' }, redact: ['req.headers.authorization', '*.password', '*.token'] });
}
