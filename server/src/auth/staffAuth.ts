/**
 * The middleware `createApp` mounts on /api before the route modules: cookies, the staff
 * session, and the auth context the routes and `requireStaff` find through the app.
 */
import type { Application, RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { bindAuthContext, createAuthContext, type AuthConfig } from './authContext';
import { cookieParser } from './cookies';
import { sessionMiddleware } from './session';

export function staffAuth(
  app: Application,
  knex: Knex,
  config: AuthConfig,
  logger: Logger,
): RequestHandler[] {
  bindAuthContext(app, createAuthContext(knex, config, logger));
  return [cookieParser, sessionMiddleware(knex, config)];
}
