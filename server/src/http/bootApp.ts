/**
 * What the HTTP port answers while the server is still starting (opening the database,
 * migrating, starting the engine — the first start of an embedded PGlite takes seconds):
 * liveness is up, readiness is down, and every other request gets 503 problem+json with
 * Retry-After. The full app replaces it as soon as everything is up.
 */
import express from 'express';
import type { Logger } from 'pino';
import { NotReadyError } from './errors';
import { problemHandler } from './problem';
import { requestLogger } from './requestLogger';

export function createBootApp(logger: Logger): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogger(logger));
  app.get('/health', (_req, res) => {
    res.json({ status: 'up' });
  });
  app.get('/ready', (_req, res) => {
    res.status(503).set('Retry-After', '2');
    res.json({ status: 'down', components: { database: 'down', engine: 'down' } });
  });
  app.use((_req, res, next) => {
    res.set('Retry-After', '2');
    next(new NotReadyError('starting'));
  });
  app.use(problemHandler);
  return app;
}
