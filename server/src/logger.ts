/**
 * The server's logger. Structured JSON (pino); never bodies, tokens, cookies or personal data:
 * request logs carry method, path without query string, status, duration and the request id.
 */
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'serviceportal' },
    redact: {
      paths: ['req.headers', 'res.headers', '*.password', '*.token', '*.cookie', '*.authorization'],
      remove: true,
    },
  });
}
