/**
 * Starts the server's job workers against the Zeebe client (`server.ts`, after the services):
 *
 *   send-email          mail outbox / SMTP                  (send-email.worker.ts)
 *   generate-document   decision or certificate PDF          (generate-document.worker.ts)
 *   create-invoice      QR-bill invoice PDF                  (create-invoice.worker.ts)
 *   register-lookup     the tenant's resident register       (register-lookup.worker.ts)
 *   publish-message     a message to another instance/tenant (publish-message.worker.ts)
 *   io.camunda.zeebe:userTask   the task inbox, with its lease sweep (tasks/)
 *
 * Letterhead and creditor account come from the tenants table (`tenantStationery.ts`). Before
 * a service-task handler runs, the case's job hook checks for a duplicate instance (its job
 * is then left alone) and records a `portal:milestone`; after a completion, a milestone
 * declared for completion. With ZEEBE_MULTI_TENANCY the workers serve every active tenant.
 *
 * `stop()` is graceful: no new jobs are activated, jobs in hand are finished, the sweep ends.
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { CaseJobHook } from '../cases/caseJobHook';
import type { Config } from '../config';
import type { DocumentService } from '../documents/document.service';
import type { ZeebeClient } from '../engine/zeebeClient';
import type { MailService } from '../mail/mail.service';
import { RegisterService } from '../register/register.service';
import type { AuditService } from '../audit/audit.service';
import { TaskLeaseSweeper } from '../tasks/taskLeaseSweeper';
import type { TaskDomain } from '../tasks/taskDomain';
import { userTaskHandler } from '../tasks/userTask.worker';
import { USER_TASK_JOB_TYPE } from '../tasks/userTaskJob';
import { CREATE_INVOICE, createInvoice } from './create-invoice.worker';
import { GENERATE_DOCUMENT, generateDocument } from './generate-document.worker';
import { retryLater, type JobHandler, type JobOutcome } from './job';
import { PUBLISH_MESSAGE, publishMessage } from './publish-message.worker';
import { REGISTER_LOOKUP, registerLookup } from './register-lookup.worker';
import { SEND_EMAIL, sendEmail } from './send-email.worker';
import { tenantStationery } from './tenantStationery';
import { applyOutcome, toWorkerJob, type SdkJob } from './zeebeAdapter';

export interface WorkerWiring {
  zeebe: ZeebeClient;
  knex: Knex;
  audit: AuditService;
  mail: MailService;
  documents: DocumentService;
  tasks: TaskDomain;
  /** The case read model's hook for every job (duplicates, milestones). */
  caseJobs?: CaseJobHook | undefined;
  config: Pick<Config, 'taskJobTimeoutMs' | 'taskLeaseSweepIntervalMs' | 'zeebeMultiTenancy'>;
  logger: Logger;
}

export interface RunningWorkers {
  stop(): Promise<void>;
}

/** Time a service-task job is held before the engine gives it to another worker. */
const SERVICE_JOB_TIMEOUT_MS = 60_000;

export async function startWorkers(wiring: WorkerWiring): Promise<RunningWorkers> {
  const { zeebe, knex, logger } = wiring;
  const stationery = tenantStationery(knex);
  const tenantIds = wiring.config.zeebeMultiTenancy ? await activeTenants(knex) : undefined;
  const serviceWorker = <Deps>(taskType: string, handler: JobHandler<Deps>, deps: Deps) =>
    zeebe.createWorker({
      taskType,
      timeout: SERVICE_JOB_TIMEOUT_MS,
      ...(tenantIds ? { tenantIds } : {}),
      taskHandler: caseTaskHandler(handler, deps, wiring.caseJobs, logger),
    });

  const workers = [
    serviceWorker(SEND_EMAIL, sendEmail, { mail: wiring.mail }),
    serviceWorker(GENERATE_DOCUMENT, generateDocument, {
      documents: wiring.documents,
      letterheadFor: stationery.letterheadFor,
    }),
    serviceWorker(CREATE_INVOICE, createInvoice, {
      documents: wiring.documents,
      billingFor: stationery.billingFor,
    }),
    serviceWorker(REGISTER_LOOKUP, registerLookup, {
      register: new RegisterService(knex, wiring.audit),
    }),
    serviceWorker(PUBLISH_MESSAGE, publishMessage, {
      // the SDK's JSON type has no null; the variables are the job's own JSON
      publish: (message) =>
        zeebe.publishMessage(message as Parameters<ZeebeClient['publishMessage']>[0]),
      multiTenancy: wiring.config.zeebeMultiTenancy,
    }),
    zeebe.createWorker({
      taskType: USER_TASK_JOB_TYPE,
      timeout: wiring.config.taskJobTimeoutMs,
      ...(tenantIds ? { tenantIds } : {}),
      taskHandler: userTaskHandler(wiring.tasks.worker),
    }),
  ];
  const sweeper = new TaskLeaseSweeper(wiring.tasks.store, zeebe, {
    timeoutMs: wiring.config.taskJobTimeoutMs,
    intervalMs: wiring.config.taskLeaseSweepIntervalMs,
    logger,
  });
  sweeper.start();
  logger.info(
    { workers: workers.length, tenants: tenantIds?.length ?? 'default' },
    'job workers started',
  );

  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        await sweeper.stop();
        await Promise.allSettled(workers.map((worker) => worker.close()));
      })()),
  };
}

/**
 * A pure handler as an SDK task handler, between the case hook's calls: a duplicate instance's
 * job is left alone (`forward`: the cancellation takes it away), a failing hook is a fault
 * with retries, and an exception escaping the handler (a bug) one retry fewer.
 */
export function caseTaskHandler<Deps>(
  handler: JobHandler<Deps>,
  deps: Deps,
  caseJobs: CaseJobHook | undefined,
  logger?: Logger,
): (job: SdkJob) => Promise<'JOB_ACTION_ACKNOWLEDGEMENT'> {
  return async (job) => {
    const workerJob = toWorkerJob(job);
    let outcome: JobOutcome;
    try {
      if (caseJobs && !(await caseJobs.onActivated(job))) return job.forward();
      outcome = await handler(workerJob, deps);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = retryLater(workerJob, `${job.type}: unexpected error: ${message}`);
    }
    const acknowledged = await applyOutcome(job, outcome);
    if (outcome.kind === 'complete') {
      await caseJobs
        ?.onCompleted(job)
        .catch((error: unknown) =>
          logger?.warn({ err: error, jobKey: job.key }, 'milestone after completion not recorded'),
        );
    }
    return acknowledged;
  };
}

async function activeTenants(knex: Knex): Promise<string[]> {
  const rows = (await knex('public.tenants').where({ active: true }).select('id')) as {
    id: string;
  }[];
  return rows.map((row) => row.id);
}
