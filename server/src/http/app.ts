/**
 * The Express application: security headers, request ids and logs, body limits, the API
 * routes, the admin-ui, and the problem+json error mapper. Routes stay thin; work happens in
 * services.
 */
import express from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { auditRoutes } from '../audit/audit.routes';
import { authRoutes } from '../auth/auth.routes';
import { authorizeAdmin } from '../auth/authorizeAdmin';
import { staffAuth } from '../auth/staffAuth';
import type { Config } from '../config';
import { mailOutboxRoutes } from '../mail/mail.routes';
import { serviceRoutes } from '../services/service.routes';
import { submissionRoutes } from '../submissions/submission.routes';
import { draftRoutes } from '../drafts/draft.routes';
import { citizenRoutes } from '../citizens/citizen.routes';
import { citizenRequestRoutes } from '../citizens/citizenRequest.routes';
import { caseRoutes } from '../cases/case.routes';
import { dashboardRoutes } from '../dashboard/dashboard.routes';
import { monitoringRoutes } from '../monitoring/monitoring.routes';
import { operationsRoutes } from '../operations/operations.routes';
import type { AppServices } from '../services';
import { staffRoutes } from '../staff/staff.routes';
import { processRoutes } from '../processes/process.routes';
import { taskRoutes } from '../tasks/task.routes';
import { taskViewRoutes } from '../views/taskView.routes';
import { tenantRoutes } from '../tenants/tenant.routes';
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
  /** The database and configuration of staff sessions, auth, tenants and staff routes. */
  knex?: Knex;
  config?: Config;
  /** Services of the admin routes (audit log, mail outbox). */
  services?: AppServices;
}

export const JSON_BODY_LIMIT = '1mb';

/** Every route module of the API, in mounting order. Add a domain's module here. */
export function routeModules(
  options: Pick<AppOptions, 'readiness' | 'version' | 'services'>,
): RouteModule[] {
  const modules: RouteModule[] = [];
  const document = buildOpenApiDocument([], options.version);
  modules.push(healthRoutes(options.readiness, () => document));
  modules.push(tenantRoutes(), authRoutes(), staffRoutes());
  if (options.services) {
    const { audit, mail, documents, portal } = options.services;
    modules.push(
      auditRoutes({ audit, authorizeAdmin }),
      mailOutboxRoutes({ mail, audit, authorizeAdmin }),
      serviceRoutes({ catalog: portal.catalog, adoptions: portal.adoptions }),
      submissionRoutes({ submissions: portal.submissions, limits: portal.uploadLimits }),
      draftRoutes({ drafts: options.services.drafts }),
      citizenRoutes({ access: portal.citizens, views: portal.views, documents }),
      citizenRequestRoutes({
        access: portal.citizens,
        views: portal.views,
        requests: options.services.tasks.citizenRequests,
        documents,
        maxFileBytes: portal.uploadLimits.maxFileBytes,
      }),
      caseRoutes({ staffCases: portal.staffCases, documents }),
      taskRoutes({ tasks: options.services.tasks.tasks, diagrams: options.services.monitoring }),
      taskViewRoutes({ views: options.services.tasks.views }),
      monitoringRoutes({ monitoring: options.services.monitoring }),
      dashboardRoutes({ dashboard: options.services.dashboard }),
      processRoutes({ processes: options.services.processes }),
    );
    const { operations } = options.services;
    if (operations) modules.push(operationsRoutes({ operations }));
  }
  Object.assign(document.paths, ...modules.map((module) => module.openapi));
  return modules;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.config?.trustProxy ?? 'loopback');
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
  if (options.knex && options.config) {
    // Cookies, the staff session (PostgreSQL store) and the auth context; CSRF is checked by
    // requireStaff and the auth routes.
    app.use('/api', ...staffAuth(app, options.knex, options.config, options.logger));
  }

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
