import pino, { type Logger } from 'pino';

export interface CapturedLogs {
  logger: Logger;
  lines: Array<Record<string, any>>;
}

/** A real pino logger whose JSON lines are kept in memory for assertions. */
export function captureLogs(level = 'info'): CapturedLogs {
  const lines: Array<Record<string, any>> = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}
