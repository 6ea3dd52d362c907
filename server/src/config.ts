/**
 * The server's configuration: the only place that reads process.env. Validated with zod at
 * start-up and frozen; a wrong value stops start-up with one line naming the variable.
 *
 * | variable        | default                         | meaning |
 * |-----------------|---------------------------------|---------|
 * | NODE_ENV        | development                     | development, test or production |
 * | PORT            | 3000                            | HTTP port of the API, the back office and the portal (0 = any free port) |
 * | HOST            | 0.0.0.0                         | interface to listen on |
 * | PUBLIC_URL      | http://localhost:PORT           | the address citizens and staff use (links in e-mails, OIDC redirects) |
 * | DATA_DIR        | ./data                          | embedded PGlite database and the development session secret |
 * | DATABASE_URL    | unset: embedded PGlite in DATA_DIR/pglite | PostgreSQL connection string |
 * | ZEEBE_ADDRESS   | unset: start the embedded engine | host:port of a Zeebe gateway (a Camunda 8 cluster) |
 * | ENGINE_PORT     | 26500                           | gRPC port of the embedded engine (0 = any free port) |
 * | LOG_LEVEL       | info                            | fatal, error, warn, info, debug, trace or silent |
 * | SESSION_SECRET  | development: generated once and kept in DATA_DIR/session-secret; production: required | signs session cookies (at least 32 characters) |
 * | ADMIN_UI_DIST   | admin-ui/dist                   | the built back office and portal served by the server |
 * | UPLOAD_MAX_BYTES | 10485760 (10 MiB)              | largest uploaded file; a larger one is answered 413 |
 * | DOCUMENTS_MAX_PER_CASE | 20                        | uploaded documents one case may hold |
 * | DOCUMENTS_MAX_BYTES_PER_CASE | 52428800 (50 MiB)   | total bytes of uploaded documents one case may hold |
 * | SMTP_URL        | unset: e-mails stay queued in the outbox | smtp:// or smtps:// URL of the mail server (may carry credentials) |
 * | MAIL_FROM       | Serviceportal <no-reply@localhost> | sender of e-mails to citizens and staff |
 * | TRUST_PROXY     | loopback                        | reverse proxies trusted for X-Forwarded-* (Express "trust proxy": loopback, hop count, IP/CIDR list, true/false) |
 * | SESSION_IDLE_TIMEOUT | 30m                        | a staff session ends after this long without a request (rolling; ms, s, m or h) |
 * | SESSION_ABSOLUTE_TIMEOUT | 12h                    | a staff session ends this long after login, however active |
 * | LOGIN_MAX_FAILURES_PER_ACCOUNT | 5                | failed logins per account name within LOGIN_FAILURE_WINDOW before 429 |
 * | LOGIN_MAX_FAILURES_PER_IP | 20                    | failed logins per client address within LOGIN_FAILURE_WINDOW before 429 |
 * | LOGIN_FAILURE_WINDOW | 15m                        | window of the login failure counters (kept in the database) |
 * | OIDC_ISSUER     | unset: no OIDC login            | issuer URL of the staff identity provider (OpenID Connect discovery) |
 * | OIDC_CLIENT_ID  | required with OIDC_ISSUER       | client id registered at the identity provider |
 * | OIDC_CLIENT_SECRET | unset: public client (PKCE only) | client secret (sent as client_secret_basic) |
 * | OIDC_SCOPES     | openid email profile            | scopes requested at login |
 * | OIDC_EMAIL_CLAIM | email                          | claim matched (case-insensitively) to an existing staff user's e-mail |
 * | WORKFLOWS_DIR   | workflows (in the repository)   | the service catalog: one folder per service (service.json, .bpmn, .form, .dmn) |
 * | ZEEBE_MULTI_TENANCY | false                       | true: deploy and start per tenant (Zeebe tenant = our tenant id); false: everything under <default> |
 * | ENGINE_REQUEST_TIMEOUT | 3s                       | how long a submission waits for the engine before answering 202 with the case waiting to start |
 * | CASE_START_RETRY_INTERVAL | 10s                   | how often cases waiting to start (engine was unreachable) are started again |
 * | CITIZEN_SESSION_TIMEOUT | 30m                     | lifetime of a citizen's "my cases" session token |
 * | CITIZEN_CODES_PER_HOUR | 5                        | one-time codes per e-mail address and hour (per client address: 4 times as many) |
 * | TASK_JOB_TIMEOUT | 7d                             | how long the inbox holds a user task job activated; renewed (UpdateJobTimeout) when half of it is left |
 * | TASK_LEASE_SWEEP_INTERVAL | 1h                    | how often the inbox renews the timeouts of its user task jobs |
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "30m", "12h", "7d", "45s", "800ms" (or a bare number of seconds) as milliseconds; undefined if malformed. */
export function parseDuration(value: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 's') as keyof typeof DURATION_UNITS;
  const ms = Number(match[1]) * DURATION_UNITS[unit];
  return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const ms = parseDuration(value);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration like 30m, 12h, 45s or 800ms' });
        return z.NEVER;
      }
      return ms;
    });

const positiveCount = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(fallback);

/** Express "trust proxy": true/false, a hop count, or "loopback" / IP / CIDR names, comma-separated. */
const trustProxy = z
  .string()
  .min(1)
  .default('loopback')
  .transform((value): boolean | number | string => {
    if (value === 'true') return true;
    if (value === 'false') return false;
    if (/^\d+$/.test(value)) return Number(value);
    return value;
  });

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      error: 'must be development, test or production',
    })
    .default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ error: 'must be an absolute URL' }).optional(),
  ),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .optional(),
  ),
  ZEEBE_ADDRESS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(grpcs?:\/\/)?[^\s:/]+:\d{1,5}$/, 'must be host:port')
      .optional(),
  ),
  ENGINE_PORT: port.default(26500),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SESSION_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  ADMIN_UI_DIST: z
    .string()
    .min(1)
    .default(path.join(repositoryRoot, 'admin-ui', 'dist')),
  UPLOAD_MAX_BYTES: z.coerce
    .number({ error: 'must be a number of bytes' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(10 * 1024 * 1024),
  DOCUMENTS_MAX_PER_CASE: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(20),
  DOCUMENTS_MAX_BYTES_PER_CASE: z.coerce
    .number({ error: 'must be a number of bytes' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(50 * 1024 * 1024),
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  MAIL_FROM: z
    .string()
    .regex(
      /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      'must be an address, optionally with a name: Name <address@example.ch>',
    )
    .default('Serviceportal <no-reply@localhost>'),
  TRUST_PROXY: trustProxy,
  SESSION_IDLE_TIMEOUT: duration('30m'),
  SESSION_ABSOLUTE_TIMEOUT: duration('12h'),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveCount(5),
  LOGIN_MAX_FAILURES_PER_IP: positiveCount(20),
  LOGIN_FAILURE_WINDOW: duration('15m'),
  OIDC_ISSUER: z.preprocess(
    emptyAsUndefined,
    z.url({ error: 'must be an absolute URL' }).optional(),
  ),
  OIDC_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  OIDC_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, 'must include openid')
    .default('openid email profile'),
  OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  WORKFLOWS_DIR: z.string().min(1).default(path.join(repositoryRoot, 'workflows')),
  ZEEBE_MULTI_TENANCY: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  ENGINE_REQUEST_TIMEOUT: duration('3s'),
  CASE_START_RETRY_INTERVAL: duration('10s'),
  CITIZEN_SESSION_TIMEOUT: duration('30m'),
  CITIZEN_CODES_PER_HOUR: positiveCount(5),
  TASK_JOB_TIMEOUT: duration('7d'),
  TASK_LEASE_SWEEP_INTERVAL: duration('1h'),
});

/** Staff login through an OpenID Connect provider (authorization code + PKCE). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  emailClaim: string;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  zeebeAddress: string | undefined;
  enginePort: number;
  logLevel: string;
  sessionSecret: string;
  adminUiDist: string;
  repositoryRoot: string;
  uploadMaxBytes: number;
  documentsMaxPerCase: number;
  documentsMaxBytesPerCase: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean | number | string;
  sessionIdleTimeoutMs: number;
  sessionAbsoluteTimeoutMs: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  loginFailureWindowMs: number;
  /** Undefined when OIDC_ISSUER is unset: staff log in with a password only. */
  oidc: Readonly<OidcConfig> | undefined;
  /** The service catalog folder (WORKFLOWS_DIR). */
  workflowsDir: string;
  zeebeMultiTenancy: boolean;
  engineRequestTimeoutMs: number;
  caseStartRetryIntervalMs: number;
  citizenSessionTimeoutMs: number;
  citizenCodesPerHour: number;
  /** How long the inbox holds a user task job (TASK_JOB_TIMEOUT). */
  taskJobTimeoutMs: number;
  taskLeaseSweepIntervalMs: number;
}

export type ConfigResult = { ok: true; config: Readonly<Config> } | { ok: false; message: string };

/** Parses the environment; never throws, never exits. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const value = env[variable];
    const secret =
      variable.includes('SECRET') || variable === 'DATABASE_URL' || variable === 'SMTP_URL';
    const shown = value === undefined || secret ? '' : ` (got "${value}")`;
    return {
      ok: false,
      message: `Invalid configuration: ${variable} ${issue?.message ?? ''}${shown}`,
    };
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  let sessionSecret = values.SESSION_SECRET;
  if (!sessionSecret) {
    if (values.NODE_ENV === 'production') {
      return {
        ok: false,
        message: 'Invalid configuration: SESSION_SECRET is required in production',
      };
    }
    sessionSecret = developmentSessionSecret(dataDir);
  }
  if (values.OIDC_ISSUER && !values.OIDC_CLIENT_ID) {
    return {
      ok: false,
      message: 'Invalid configuration: OIDC_CLIENT_ID is required when OIDC_ISSUER is set',
    };
  }
  if (
    values.NODE_ENV === 'production' &&
    values.OIDC_ISSUER &&
    !values.OIDC_ISSUER.startsWith('https://')
  ) {
    return {
      ok: false,
      message: 'Invalid configuration: OIDC_ISSUER must be an https:// URL in production',
    };
  }
  return {
    ok: true,
    config: Object.freeze({
      env: values.NODE_ENV,
      port: values.PORT,
      host: values.HOST,
      publicUrl: values.PUBLIC_URL,
      dataDir,
      databaseUrl: values.DATABASE_URL,
      zeebeAddress: values.ZEEBE_ADDRESS,
      enginePort: values.ENGINE_PORT,
      logLevel: values.LOG_LEVEL,
      sessionSecret,
      adminUiDist: path.resolve(values.ADMIN_UI_DIST),
      repositoryRoot,
      uploadMaxBytes: values.UPLOAD_MAX_BYTES,
      documentsMaxPerCase: values.DOCUMENTS_MAX_PER_CASE,
      documentsMaxBytesPerCase: values.DOCUMENTS_MAX_BYTES_PER_CASE,
      smtpUrl: values.SMTP_URL,
      mailFrom: values.MAIL_FROM,
      trustProxy: values.TRUST_PROXY,
      sessionIdleTimeoutMs: values.SESSION_IDLE_TIMEOUT,
      sessionAbsoluteTimeoutMs: values.SESSION_ABSOLUTE_TIMEOUT,
      loginMaxFailuresPerAccount: values.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginMaxFailuresPerIp: values.LOGIN_MAX_FAILURES_PER_IP,
      loginFailureWindowMs: values.LOGIN_FAILURE_WINDOW,
      oidc:
        values.OIDC_ISSUER && values.OIDC_CLIENT_ID
          ? Object.freeze({
              issuer: values.OIDC_ISSUER,
              clientId: values.OIDC_CLIENT_ID,
              clientSecret: values.OIDC_CLIENT_SECRET,
              scopes: values.OIDC_SCOPES,
              emailClaim: values.OIDC_EMAIL_CLAIM,
            })
          : undefined,
      workflowsDir: path.resolve(values.WORKFLOWS_DIR),
      zeebeMultiTenancy: values.ZEEBE_MULTI_TENANCY,
      engineRequestTimeoutMs: values.ENGINE_REQUEST_TIMEOUT,
      caseStartRetryIntervalMs: values.CASE_START_RETRY_INTERVAL,
      citizenSessionTimeoutMs: values.CITIZEN_SESSION_TIMEOUT,
      citizenCodesPerHour: values.CITIZEN_CODES_PER_HOUR,
      taskJobTimeoutMs: values.TASK_JOB_TIMEOUT,
      taskLeaseSweepIntervalMs: values.TASK_LEASE_SWEEP_INTERVAL,
    }),
  };
}

/** Generated on first start and kept, so development sessions survive a restart. */
function developmentSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: generate below
  }
  const secret = randomBytes(32).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
