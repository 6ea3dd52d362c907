/**
 * One case, one process instance. A case records the key of its instance
 * (`cases.process_instance_key`); a second instance of the same case can still come to life —
 * the server crashed between CreateProcessInstance and recording the key, or a create call
 * timed out and went through later while the retry loop started another. The gRPC API has no
 * queries, so duplicates are found where the server meets every instance: its jobs.
 *
 *   - Every instance carries the variable `caseId` (set at start).
 *   - `claim(caseId, key, bpmnProcessId)` is called with every instance key the server learns,
 *     from a CreateProcessInstance answer or from a job (`checkJob`, called by the job workers
 *     and the task inbox before they act on a job). The first key recorded wins (a conditional
 *     update); a case without a key adopts the instance (that is the crash case); any other
 *     instance of the case's own process (`cases.bpmn_process_id`) is a duplicate and is
 *     cancelled (CancelProcessInstance), audited as `case.duplicate_instance_cancelled`, and
 *     its job must be left alone by the caller.
 *   - An instance of another process that carries the `caseId` — a call activity's child (it
 *     inherits the variables), a partner process started by a message (the canton's
 *     building consultation) — belongs to the case but is not its instance: `related`, go
 *     ahead, never adopted, never cancelled.
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { AuditService } from '../audit/audit.service';
import type { ZeebeClient } from '../engine/zeebeClient';
import { UUID } from './case.model';

export type ClaimOutcome = 'recorded' | 'current' | 'related' | 'duplicate' | 'unknown_case';

export interface JobLike {
  processInstanceKey: string;
  /** The process the job's instance runs (a call activity's child runs its own). */
  bpmnProcessId: string;
  variables: Readonly<Record<string, unknown>>;
}

export class CaseInstanceGuard {
  constructor(
    private readonly knex: Knex,
    private readonly engine: () => ZeebeClient | undefined,
    private readonly audit: AuditService,
    private readonly logger?: Logger,
  ) {}

  /**
   * Before acting on a job: `current`, `recorded` or `related` — go ahead; `duplicate` — the instance
   * was cancelled, do nothing with the job; `unknown_case` — not a case's instance (tests,
   * processes started by hand), the caller decides.
   */
  async checkJob(job: JobLike): Promise<ClaimOutcome> {
    const caseId = job.variables.caseId;
    if (typeof caseId !== 'string' || !UUID.test(caseId)) {
      const known = await this.knex('public.cases')
        .where({ process_instance_key: job.processInstanceKey })
        .first('id');
      return known ? 'current' : 'unknown_case';
    }
    return this.claim(caseId, job.processInstanceKey, job.bpmnProcessId);
  }

  /**
   * `bpmnProcessId`: the process of the instance; without it (a CreateProcessInstance answer
   * of the case's own start) the instance is taken to be the case's.
   */
  async claim(
    caseId: string,
    processInstanceKey: string,
    bpmnProcessId?: string,
  ): Promise<ClaimOutcome> {
    const ownProcess = bpmnProcessId === undefined ? {} : { bpmn_process_id: bpmnProcessId };
    const recorded = await this.knex('public.cases')
      .where({ id: caseId, ...ownProcess })
      .whereNull('process_instance_key')
      .update({
        process_instance_key: processInstanceKey,
        status: this.knex.raw(
          `case when status = 'waiting_to_start' then 'submitted' else status end`,
        ),
        started_at: this.knex.fn.now(),
        next_start_at: null,
        last_start_error: null,
        updated_at: this.knex.fn.now(),
      });
    if (Number(recorded) > 0) return 'recorded';
    const row = (await this.knex('public.cases')
      .where({ id: caseId })
      .first('process_instance_key', 'tenant_id', 'bpmn_process_id')) as
      | { process_instance_key: string | null; tenant_id: string; bpmn_process_id: string }
      | undefined;
    if (!row) return 'unknown_case';
    if (row.process_instance_key === processInstanceKey) return 'current';
    if (bpmnProcessId !== undefined && bpmnProcessId !== row.bpmn_process_id) return 'related';
    await this.cancelDuplicate(caseId, row.tenant_id, processInstanceKey, row.process_instance_key);
    return 'duplicate';
  }

  private async cancelDuplicate(
    caseId: string,
    tenantId: string,
    duplicateKey: string,
    recordedKey: string | null,
  ): Promise<void> {
    this.logger?.warn(
      { caseId, duplicateKey, recordedKey },
      'second process instance of a case; cancelling it',
    );
    const zeebe = this.engine();
    let cancelled = false;
    try {
      if (zeebe) {
        await zeebe.cancelProcessInstance(duplicateKey);
        cancelled = true;
      }
    } catch (error) {
      // NOT_FOUND: it ended or was cancelled already; anything else is logged and the next
      // job of that instance tries again.
      const code = (error as { code?: unknown }).code;
      cancelled = code === 5;
      if (!cancelled)
        this.logger?.error({ err: error, caseId, duplicateKey }, 'cancelling a duplicate failed');
    }
    await this.audit.record({
      actor: { type: 'system', id: 'case-instance-guard' },
      tenantId,
      action: 'case.duplicate_instance_cancelled',
      objectType: 'case',
      objectId: caseId,
      details: { processInstanceKey: duplicateKey, recordedInstanceKey: recordedKey, cancelled },
    });
  }
}
