/**
 * Wires the catalog, submissions, cases and citizen access together (built by
 * `services.ts`), and runs what they do in the background:
 *
 *   start(): load WORKFLOWS_DIR → seed demo adoptions (development) → deploy changed services
 *            (in the background, again while one fails: the engine may still be away) → case
 *            start retry loop
 *   stop():  stop both loops
 *
 * Building it touches neither the database nor the engine (the OpenAPI test builds the route
 * modules without either).
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { AuditService } from '../audit/audit.service';
import type { Config } from '../config';
import type { DocumentService } from '../documents/document.service';
import type { ZeebeClient } from '../engine/zeebeClient';
import type { MailService } from '../mail/mail.service';
import { AdoptionService } from '../services/adoption.service';
import { CatalogDeployer } from '../services/catalog.deployer';
import { CatalogService } from '../services/catalog.service';
import { seedDemoAdoptions } from '../services/demoAdoptions';
import { CaseStarter } from '../submissions/caseStarter';
import { SubmissionService } from '../submissions/submission.service';
import { CitizenAccessService } from '../citizens/citizenAccess.service';
import { CaseService } from './case.service';
import { CaseInstanceGuard } from './caseInstanceGuard';
import { CaseJobHook } from './caseJobHook';
import { CaseViews } from './caseView';
import { StaffCaseService } from './staffCases.service';

export type CaseDomainConfig = Pick<
  Config,
  | 'workflowsDir'
  | 'zeebeMultiTenancy'
  | 'engineRequestTimeoutMs'
  | 'caseStartRetryIntervalMs'
  | 'citizenSessionTimeoutMs'
  | 'citizenCodesPerHour'
  | 'sessionSecret'
  | 'uploadMaxBytes'
  | 'documentsMaxPerCase'
  | 'documentsMaxBytesPerCase'
>;

export interface CaseDomainDeps {
  knex: Knex;
  audit: AuditService;
  mail: MailService;
  documents: DocumentService;
  config: CaseDomainConfig;
  /** The Zeebe client once the engine is known (undefined: none, cases wait to start). */
  engine: () => ZeebeClient | undefined;
  /** PUBLIC_URL, or the address the server listens on. */
  publicUrl: () => string;
  logger?: Logger | undefined;
}

export interface CaseDomain {
  catalog: CatalogService;
  deployer: CatalogDeployer;
  adoptions: AdoptionService;
  cases: CaseService;
  guard: CaseInstanceGuard;
  /** For job workers: duplicate detection and public milestones (see caseJobHook.ts). */
  jobs: CaseJobHook;
  views: CaseViews;
  staffCases: StaffCaseService;
  starter: CaseStarter;
  submissions: SubmissionService;
  citizens: CitizenAccessService;
  /** UPLOAD_MAX_BYTES per file and DOCUMENTS_MAX_PER_CASE files in a multipart submission. */
  uploadLimits: { maxFileBytes: number; maxFiles: number };
  start(env: Config['env']): Promise<void>;
  stop(): void;
}

export function createCaseDomain(deps: CaseDomainDeps): CaseDomain {
  const { knex, audit, mail, config, logger } = deps;
  const catalog = new CatalogService(knex, config.workflowsDir);
  const deployer = new CatalogDeployer(knex, catalog, deps.engine, {
    multiTenancy: config.zeebeMultiTenancy,
    logger,
  });
  const adoptions = new AdoptionService(knex, catalog, audit, (adoption) => {
    // With multi-tenancy a newly adopting tenant needs its own deployment; without, the one
    // deployment under <default> serves every tenant.
    const service = catalog.get(adoption.serviceId);
    if (!config.zeebeMultiTenancy || !adoption.enabled || !service) return;
    deployer
      .ensureDeployed(service, deployer.engineTenantOf(adoption.tenantId))
      .catch((error: unknown) =>
        logger?.warn({ err: error, serviceId: service.id }, 'deployment deferred'),
      );
  });
  const cases = new CaseService(knex, catalog, audit, logger);
  const guard = new CaseInstanceGuard(knex, deps.engine, audit, logger);
  const views = new CaseViews(cases, catalog, deps.documents, audit, async (tenantId) => {
    const row = (await knex('public.tenants').where({ id: tenantId }).first('name')) as
      { name: string } | undefined;
    return row?.name ?? tenantId;
  });
  const starter = new CaseStarter(knex, cases, catalog, deployer, guard, deps.engine, {
    timeoutMs: config.engineRequestTimeoutMs,
    retryIntervalMs: config.caseStartRetryIntervalMs,
    multiTenancy: config.zeebeMultiTenancy,
    logger,
  });
  // The catalog is deployed in the background, again every CASE_START_RETRY_INTERVAL while a
  // service failed (the engine client tries each call once; see engine/zeebeClient.ts).
  let stopped = false;
  let deployTimer: NodeJS.Timeout | undefined;
  const deployUntilDone = (): void => {
    void deployer
      .deployAll()
      .then(
        ({ failed }) => failed.length > 0,
        (error: unknown) => {
          logger?.error({ err: error }, 'deploying the catalog failed');
          return true;
        },
      )
      .then((again) => {
        if (!again || stopped) return;
        deployTimer = setTimeout(deployUntilDone, config.caseStartRetryIntervalMs);
        deployTimer.unref();
      });
  };
  return {
    catalog,
    deployer,
    adoptions,
    cases,
    guard,
    jobs: new CaseJobHook(guard, cases),
    views,
    staffCases: new StaffCaseService(knex, views, audit),
    starter,
    submissions: new SubmissionService(knex, catalog, audit, mail, starter, deps.documents, {
      publicUrl: deps.publicUrl,
      secret: config.sessionSecret,
      uploads: {
        maxDocuments: config.documentsMaxPerCase,
        maxBytes: config.documentsMaxBytesPerCase,
      },
      logger,
    }),
    citizens: new CitizenAccessService(knex, mail, audit, {
      secret: config.sessionSecret,
      sessionTimeoutMs: config.citizenSessionTimeoutMs,
      codesPerHour: config.citizenCodesPerHour,
      logger,
    }),
    uploadLimits: { maxFileBytes: config.uploadMaxBytes, maxFiles: config.documentsMaxPerCase },
    async start(env) {
      const loaded = catalog.load(logger);
      logger?.info(
        { services: loaded.services, problems: loaded.problems.length },
        'service catalog loaded',
      );
      const adopted = await seedDemoAdoptions(knex, env, catalog.all());
      if (adopted) logger?.info({ adoptions: adopted }, 'demo adoptions seeded');
      deployUntilDone();
      starter.startLoop();
    },
    stop() {
      stopped = true;
      clearTimeout(deployTimer);
      starter.stop();
    },
  };
}
