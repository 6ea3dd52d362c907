/**
 * The server's long-lived services, built once at start from the database and configuration
 * and handed to the route modules and workers that need them.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { AuditService } from './audit/audit.service';
import { createCaseDomain, type CaseDomain } from './cases/caseDomain';
import type { Config } from './config';
import { DocumentService } from './documents/document.service';
import type { ZeebeClient } from './engine/zeebeClient';
import { MailService } from './mail/mail.service';
import { createSmtpTransport } from './mail/smtpTransport';
import { createTaskDomain, type TaskDomain } from './tasks/taskDomain';

export interface AppServices {
  audit: AuditService;
  mail: MailService;
  documents: DocumentService;
  /** Service catalog, submissions, cases and citizen access (see cases/caseDomain.ts). */
  portal: CaseDomain;
  /** The task inbox and citizen requests (see tasks/taskDomain.ts). */
  tasks: TaskDomain;
}

/** What the services need beyond the database; all optional, for building routes without a server. */
export interface ServiceOptions {
  engine?: () => ZeebeClient | undefined;
  publicUrl?: () => string;
  logger?: Logger;
}

const defaultWorkflowsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../workflows',
);

export function createServices(
  knex: Knex,
  config: Pick<Config, 'smtpUrl' | 'mailFrom'> & Partial<Config>,
  options: ServiceOptions = {},
): AppServices {
  const audit = new AuditService(knex);
  const mail = new MailService(knex, {
    from: config.mailFrom,
    ...(config.smtpUrl ? { transport: createSmtpTransport(config.smtpUrl) } : {}),
  });
  const quota = {
    maxDocumentsPerCase: config.documentsMaxPerCase ?? 20,
    maxBytesPerCase: config.documentsMaxBytesPerCase ?? 50 * 1024 * 1024,
  };
  const documents = new DocumentService(knex, audit, quota);
  const portal = createCaseDomain({
    knex,
    audit,
    mail,
    documents,
    config: {
      workflowsDir: config.workflowsDir ?? defaultWorkflowsDir,
      zeebeMultiTenancy: config.zeebeMultiTenancy ?? false,
      engineRequestTimeoutMs: config.engineRequestTimeoutMs ?? 3000,
      caseStartRetryIntervalMs: config.caseStartRetryIntervalMs ?? 10_000,
      citizenSessionTimeoutMs: config.citizenSessionTimeoutMs ?? 30 * 60_000,
      citizenCodesPerHour: config.citizenCodesPerHour ?? 5,
      sessionSecret: config.sessionSecret ?? randomBytes(32).toString('base64url'),
      uploadMaxBytes: config.uploadMaxBytes ?? 10 * 1024 * 1024,
      documentsMaxPerCase: quota.maxDocumentsPerCase,
      documentsMaxBytesPerCase: quota.maxBytesPerCase,
    },
    engine: options.engine ?? (() => undefined),
    publicUrl:
      options.publicUrl ?? (() => config.publicUrl ?? `http://localhost:${config.port ?? 3000}`),
    logger: options.logger,
  });
  const tasks = createTaskDomain({
    knex,
    audit,
    engine: options.engine ?? (() => undefined),
    cases: portal.cases,
    guard: portal.guard,
    catalog: portal.catalog,
    logger: options.logger,
  });
  return { audit, mail, documents, portal, tasks };
}
