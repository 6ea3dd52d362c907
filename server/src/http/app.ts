/**
 * The Express application: security headers, request ids and logs, body limits, the API
 * routes, the admin-ui, and the problem+json error mapper. Routes stay thin; work happens in
 * services.
 */
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { adminUiRoutes, type AdminUiBuild } from './adminUi';
import { healthRoutes, type ReadinessCheck } from './health.routes';
import { buildOpenApiDocument } from './openapi';
import { notFoundHandler, problemHandler } from './problem';
import { requestLogger } from './requestLogger';
import type { RouteModule } from './routeModule';

export interface AppOptions {
  logger: Logger;
  readiness: Record<string, ReadinessCheck>;
  adminUi?: { dist: string; build: AdminUiBuild };
  version: string;
}

export const JSON_BODY_LIMIT = '1mb';

/** Every route module of the API, in mounting order. Add a domain's module here. */
export function routeModules(options: Pick<AppOptions, 'readiness' | 'version'>): RouteModule[] {
  const modules: RouteModule[] = [];
  const document = buildOpenApiDocument([], options.version);
  modules.push(healthRoutes(options.readiness, () => document));
  Object.assign(document.paths, ...modules.map((module) => module.openapi));
  return modules;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');

  app.use(requestLogger(options.logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'script-src': ["'self'"],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'object-src': ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    express.json({ limit: JSON_BODY_LIMIT, type: ['application/json', 'application/*+json'] }),
  );
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));

  const modules = routeModules(options);
  for (const module of modules) {
    if (module.prefix) app.use(module.prefix, module.router);
    else app.use(module.router);
  }

  app.use('/api', notFoundHandler);
  if (options.adminUi) app.use(adminUiRoutes(options.adminUi.dist, options.adminUi.build));
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}
