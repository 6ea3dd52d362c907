/**
 * Everything authentication and staff administration need at request time, built once per
 * app by `createApp` (see `staffSessions`) and found again through the request's app, so that
 * route modules stay plain routers (the OpenAPI test lists them without a database).
 */
import type { Application, Request } from 'express';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { AuditService } from '../audit/audit.service';
import type { Config } from '../config';
import { prepareDummyHash } from '../staff/password';
import { StaffDirectory } from '../staff/staffDirectory';
import { StaffGroupService } from '../staff/staffGroups.service';
import { StaffUserService } from '../staff/staffUsers.service';
import { TenantService } from '../tenants/tenant.service';
import { AuthService } from './auth.service';
import { createCsrfGuard, type CsrfGuard } from './csrf';
import { LoginThrottle } from './loginThrottle';
import { OidcLogin } from './oidc';

export type AuthConfig = Pick<
  Config,
  | 'env'
  | 'publicUrl'
  | 'sessionSecret'
  | 'sessionIdleTimeoutMs'
  | 'sessionAbsoluteTimeoutMs'
  | 'loginMaxFailuresPerAccount'
  | 'loginMaxFailuresPerIp'
  | 'loginFailureWindowMs'
  | 'oidc'
>;

export interface AuthContext {
  knex: Knex;
  config: AuthConfig;
  logger: Logger;
  csrf: CsrfGuard;
  auth: AuthService;
  directory: StaffDirectory;
  users: StaffUserService;
  groups: StaffGroupService;
  tenants: TenantService;
  /** Undefined when OIDC is not configured. */
  oidc: OidcLogin | undefined;
}

export function createAuthContext(knex: Knex, config: AuthConfig, logger: Logger): AuthContext {
  const audit = new AuditService(knex);
  const directory = new StaffDirectory(knex);
  const throttle = new LoginThrottle(
    knex,
    {
      perAccount: config.loginMaxFailuresPerAccount,
      perIp: config.loginMaxFailuresPerIp,
      windowMs: config.loginFailureWindowMs,
    },
    config.sessionSecret,
  );
  void prepareDummyHash().catch(() => undefined);
  return {
    knex,
    config,
    logger,
    csrf: createCsrfGuard(config),
    auth: new AuthService(directory, throttle, audit, logger),
    directory,
    users: new StaffUserService(knex, audit),
    groups: new StaffGroupService(knex, audit),
    tenants: new TenantService(knex),
    oidc: config.oidc ? new OidcLogin(config.oidc) : undefined,
  };
}

const contexts = new WeakMap<Application, AuthContext>();

export function bindAuthContext(app: Application, context: AuthContext): void {
  contexts.set(app, context);
}

export function authContext(req: Request): AuthContext {
  const context = contexts.get(req.app);
  if (!context)
    throw new Error('auth context missing: createApp was called without knex and config');
  return context;
}
