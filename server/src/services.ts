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
import { DraftService } from './drafts/draft.service';
import { DashboardService } from './dashboard/dashboard.service';
import { InstanceScope } from './monitoring/instanceScope';
import type { Monitoring } from './monitoring/Monitoring';
import { MonitoringService } from './monitoring/monitoring.service';
import { OperationsService } from './operations/operations.service';
import { ProcessLibraryService } from './processes/processLibrary.service';
import { createTaskDomain, type TaskDomain } from './tasks/taskDomain';

export interface AppServices {
  audit: AuditService;
  mail: MailService;
  documents: DocumentService;
  /** Service catalog, submissions, cases and citizen access (see cases/caseDomain.ts). */
  portal: CaseDomain;
  /** The task inbox and citizen requests (see tasks/taskDomain.ts). */
  tasks: TaskDomain;
  /** Monitoring views and operations; undefined without a monitoring source (see server.ts). */
  monitoring?: MonitoringService | undefined;
  operations?: OperationsService | undefined;
  dashboard: DashboardService;
  /** The designer's process library: versions, drafts, deployments (see processes/). */
  processes: ProcessLibraryService;
  /** Citizens' saved start forms ("save and resume", see drafts/). */
  drafts: DraftService;
}

/** What the services need beyond the database; all optional, for building routes without a server. */
export interface ServiceOptions {
  engine?: () => ZeebeClient | undefined;
  /**
   * A client that tries each call once (see engine/zeebeClient.ts) for the case domain:
   * starting cases, deploying the catalog, cancelling duplicates. Defaults to `engine`.
   */
  commands?: () => ZeebeClient | undefined;
  publicUrl?: () => string;
  logger?: Logger;
  /** The engine's monitoring queries (embedded) or Operate's (cluster). */
  monitoring?: Monitoring;
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
    engine: options.commands ?? options.engine ?? (() => undefined),
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
  const monitoring = options.monitoring
    ? new MonitoringService(
        options.monitoring,
        new InstanceScope(knex, options.monitoring, config.zeebeMultiTenancy ?? false),
        audit,
      )
    : undefined;
  const operations = monitoring
    ? new OperationsService(
        options.commands ?? options.engine ?? (() => undefined),
        monitoring,
        audit,
      )
    : undefined;
  const dashboard = new DashboardService(knex, (serviceId) => portal.views.serviceTitle(serviceId));
  const processes = new ProcessLibraryService({
    knex,
    audit,
    catalog: portal.catalog,
    deployer: portal.deployer,
    engine: options.commands ?? options.engine ?? (() => undefined),
    multiTenancy: config.zeebeMultiTenancy ?? false,
    logger: options.logger,
  });
  const drafts = new DraftService(knex, mail, portal.catalog, {
    publicUrl:
      options.publicUrl ?? (() => config.publicUrl ?? `http://localhost:${config.port ?? 3000}`),
    secret: config.sessionSecret ?? randomBytes(32).toString('base64url'),
    draftsPerHour: 5,
  });
  return {
    audit,
    mail,
    documents,
    portal,
    tasks,
    monitoring,
    operations,
    dashboard,
    processes,
    drafts,
  };
}
