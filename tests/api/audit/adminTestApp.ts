/**
 * A minimal Express app around one route module, as `createApp` mounts it (request ids,
 * JSON, the problem+json mapper), with a stand-in for authentication: the header
 * `X-Test-Admin` names the tenants the caller administers (`all` for a platform admin);
 * without it the request is 401.
 */
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import type { AdminScope, AuthorizeAdmin } from '../../../server/src/audit/admin';
import { UnauthorizedError } from '../../../server/src/http/errors';
import { notFoundHandler, problemHandler } from '../../../server/src/http/problem';
import { requestLogger } from '../../../server/src/http/requestLogger';
import type { RouteModule } from '../../../server/src/http/routeModule';
import { createLogger } from '../../../server/src/logger';

export const testAuthorizeAdmin: AuthorizeAdmin = async (req) => {
  const header = req.get('x-test-admin');
  if (!header) throw new UnauthorizedError('not signed in');
  const scope: AdminScope = {
    actor: { type: 'staff', id: 'admin-1' },
    tenantIds: header === 'all' ? 'all' : header.split(','),
  };
  return scope;
};

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveApp(configure: (app: express.Express) => void): Promise<RunningApp> {
  const app = express();
  app.use(requestLogger(createLogger('silent')));
  app.use(express.json());
  configure(app);
  app.use(notFoundHandler);
  app.use(problemHandler);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function serveModule(module: RouteModule): Promise<RunningApp> {
  return serveApp((app) => app.use(module.prefix || '/', module.router));
}
