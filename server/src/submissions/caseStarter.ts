/**
 * Starts the process instance of a case — at least once, and never keeps two.
 *
 *   submission ──commit case (waiting_to_start)──► start(caseId) ──► CreateProcessInstance
 *                                                     │ ok: guard.claim(caseId, key) → submitted
 *                                                     │ engine away / error / slower than
 *                                                     │ ENGINE_REQUEST_TIMEOUT: stays waiting
 *   retry loop, every CASE_START_RETRY_INTERVAL ──────┘ (cases whose next_start_at is due)
 *
 * The instance gets the form data as variables plus `caseId`, `caseReference`, `tenantId`,
 * `serviceId`, `language` (de/en), `submittedOn` (YYYY-MM-DD, Swiss time) and `params` (the
 * manifest's parameters with the tenant's values); ours win over form keys of the same name.
 * The client tries each call once (`{ retry: false }`, see engine/zeebeClient.ts): an
 * unreachable gateway fails the attempt at once, which is counted (`start_attempts`,
 * `last_start_error`) and retried by the loop. A create call that outlives the timeout (a
 * gateway that accepts but does not answer) keeps running in the background and records its
 * key when it gets one; meanwhile this process makes no second call for that case. Should two
 * instances nevertheless exist (a crash between create and record, or a restart while a call
 * was in flight), `CaseInstanceGuard` keeps the first key recorded and cancels the other when
 * it shows up (its own create answer, or its first job).
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { toCase, type CaseRow } from '../cases/case.model';
import type { CaseInstanceGuard } from '../cases/caseInstanceGuard';
import type { CaseService } from '../cases/case.service';
import type { ZeebeClient } from '../engine/zeebeClient';
import type { CatalogDeployer } from '../services/catalog.deployer';
import { processParams, type AdoptionRow, type CatalogService } from '../services/catalog.service';

export type StartResult = 'started' | 'waiting';

export interface KnownCase {
  row: CaseRow;
  /** The case's adoption (its tenant's, for its service). */
  adoption?: Pick<AdoptionRow, 'parameters'> | undefined;
}

export interface CaseStarterOptions {
  timeoutMs: number;
  retryIntervalMs: number;
  multiTenancy: boolean;
  logger?: Logger | undefined;
}

const BATCH = 50;
const MAX_ERROR_LENGTH = 500;

export class CaseStarter {
  private readonly inFlight = new Map<string, Promise<StartResult>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly knex: Knex,
    private readonly cases: CaseService,
    private readonly catalog: CatalogService,
    private readonly deployer: CatalogDeployer,
    private readonly guard: CaseInstanceGuard,
    private readonly engine: () => ZeebeClient | undefined,
    private readonly options: CaseStarterOptions,
  ) {}

  /**
   * Starts the case's instance, waiting at most ENGINE_REQUEST_TIMEOUT for the engine.
   * `known`: the case row and its adoption's parameters when the caller has just read or
   * written them (a new submission), so that they are not read again.
   */
  async start(caseId: string, known?: KnownCase): Promise<StartResult> {
    let attempt = this.inFlight.get(caseId);
    if (!attempt) {
      attempt = this.attempt(caseId, known).finally(() => this.inFlight.delete(caseId));
      this.inFlight.set(caseId, attempt);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<StartResult>((resolve) => {
      timer = setTimeout(() => resolve('waiting'), this.options.timeoutMs);
    });
    try {
      return await Promise.race([attempt, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs the retry loop until `stop()`. */
  startLoop(): void {
    this.stopped = false;
    const tick = async () => {
      try {
        await this.startDue();
      } catch (error) {
        this.options.logger?.error({ err: error }, 'case start loop failed');
      }
      if (!this.stopped) {
        this.timer = setTimeout(() => void tick(), this.options.retryIntervalMs);
        this.timer.unref();
      }
    };
    this.timer = setTimeout(() => void tick(), this.options.retryIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One round of the retry loop: every due case not already being started. */
  async startDue(): Promise<number> {
    const due = await this.cases.dueToStart(BATCH);
    const pending = due.filter((c) => !this.inFlight.has(c.id));
    await Promise.all(pending.map((c) => this.start(c.id)));
    return pending.length;
  }

  private async attempt(caseId: string, known?: KnownCase): Promise<StartResult> {
    const row =
      known?.row ??
      ((await this.knex('public.cases').where({ id: caseId }).first()) as CaseRow | undefined);
    if (!row) return 'waiting';
    const record = toCase(row);
    if (record.processInstanceKey || record.status !== 'waiting_to_start') return 'started';
    const service = this.catalog.get(record.serviceId);
    const zeebe = this.engine();
    if (!service || !zeebe) {
      await this.failed(
        caseId,
        service ? 'no engine client' : `service ${record.serviceId} is not loaded`,
      );
      return 'waiting';
    }
    const engineTenantId = this.deployer.engineTenantOf(record.tenantId);
    try {
      await this.deployer.ensureDeployed(service, engineTenantId);
      const adoption =
        known?.adoption ??
        ((await this.knex('public.service_adoptions')
          .where({ tenant_id: record.tenantId, service_id: record.serviceId })
          .first('parameters')) as Pick<AdoptionRow, 'parameters'> | undefined);
      const response = await zeebe.createProcessInstance({
        bpmnProcessId: service.bpmnProcessId,
        variables: {
          ...record.formData,
          caseId: record.id,
          caseReference: record.reference,
          tenantId: record.tenantId,
          serviceId: record.serviceId,
          language: record.applicant.language,
          submittedOn: swissDate(record.submittedAt),
          params: processParams(service, adoption ?? { parameters: {} }),
        },
        ...(this.options.multiTenancy ? { tenantId: record.tenantId } : {}),
      } as Parameters<ZeebeClient['createProcessInstance']>[0]);
      if (!response) {
        await this.failed(caseId, 'engine client closed');
        return 'waiting';
      }
      const outcome = await this.guard.claim(caseId, String(response.processInstanceKey));
      this.options.logger?.info(
        { caseId, processInstanceKey: response.processInstanceKey, outcome },
        'case process instance started',
      );
      return 'started';
    } catch (error) {
      if ((error as { code?: unknown }).code === 5) {
        // NOT_FOUND: the engine does not know the process (its state was reset): deploy again.
        await this.deployer.forget(service.id, engineTenantId);
      }
      await this.failed(caseId, describe(error));
      return 'waiting';
    }
  }

  private async failed(caseId: string, message: string): Promise<void> {
    this.options.logger?.warn({ caseId, reason: message }, 'case not started yet; will retry');
    await this.knex('public.cases')
      .where({ id: caseId, status: 'waiting_to_start' })
      .whereNull('process_instance_key')
      .update({
        start_attempts: this.knex.raw('start_attempts + 1'),
        last_start_error: message.slice(0, MAX_ERROR_LENGTH),
        next_start_at: new Date(Date.now() + this.options.retryIntervalMs),
        updated_at: this.knex.fn.now(),
      })
      .catch((error: unknown) =>
        this.options.logger?.error({ err: error, caseId }, 'recording a start failure failed'),
      );
  }
}

/** Made once: building a DateTimeFormat costs more than formatting (it showed in profiles). */
const SWISS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Zurich',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` of the instant in Swiss time. */
export function swissDate(at: Date): string {
  return SWISS_DATE.format(at);
}

function describe(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code =
    typeof e?.code === 'number' || typeof e?.code === 'string' ? `${String(e.code)}: ` : '';
  return `${code}${typeof e?.message === 'string' ? e.message : String(error)}`;
}
