/**
 * What every job worker of the server (the user-task inbox, service-task workers) calls for a
 * job of a case's process instance, so the read model learns what happens:
 *
 *   const go = await caseJobs.onActivated(job);   // before acting on the job
 *   if (!go) return;                              // a cancelled duplicate instance: leave it
 *   …
 *   await caseJobs.onCompleted(job);              // after completing it
 *
 * - Duplicate instances are detected here (`CaseInstanceGuard.checkJob`).
 * - A task header `portal:milestone` (a milestone id of the service manifest) records that
 *   public milestone when the job is activated, or when it is completed if the header
 *   `portal:milestoneOn` is `completed`.
 * - A task header `portal:caseStatus` = `closed` on a service task closes the case when its
 *   job is completed (after its milestone): the gRPC API does not tell the server that an
 *   instance ended, so the model says where the case is done (usually its last step, the mail
 *   that tells the citizen).
 */
import type { CaseService } from './case.service';
import { UUID } from './case.model';
import type { CaseInstanceGuard, JobLike } from './caseInstanceGuard';

export const MILESTONE_HEADER = 'portal:milestone';
export const MILESTONE_ON_HEADER = 'portal:milestoneOn';
export const CASE_STATUS_HEADER = 'portal:caseStatus';

export interface CaseJob extends JobLike {
  key: string;
  customHeaders: Readonly<Record<string, string | number>>;
}

export class CaseJobHook {
  constructor(
    private readonly guard: CaseInstanceGuard,
    private readonly cases: CaseService,
  ) {}

  async onActivated(job: CaseJob): Promise<boolean> {
    const outcome = await this.guard.checkJob(job);
    if (outcome === 'duplicate') return false;
    if (milestoneOn(job) === 'activated') await this.milestone(job);
    return true;
  }

  async onCompleted(job: CaseJob): Promise<void> {
    if (milestoneOn(job) === 'completed') await this.milestone(job);
    const status = String(job.customHeaders[CASE_STATUS_HEADER] ?? '').trim();
    const caseId = typeof job.variables.caseId === 'string' ? job.variables.caseId : undefined;
    if (status === 'closed' && caseId && UUID.test(caseId)) await this.cases.closeCase(caseId);
  }

  private async milestone(job: CaseJob): Promise<void> {
    const milestoneId = String(job.customHeaders[MILESTONE_HEADER] ?? '').trim();
    if (!milestoneId) return;
    const caseId = typeof job.variables.caseId === 'string' ? job.variables.caseId : undefined;
    await this.cases.recordMilestone({
      ...(caseId ? { caseId } : { processInstanceKey: job.processInstanceKey }),
      milestoneId,
      source: `job:${job.key}`,
    });
  }
}

function milestoneOn(job: CaseJob): 'activated' | 'completed' | undefined {
  if (job.customHeaders[MILESTONE_HEADER] === undefined) return undefined;
  return job.customHeaders[MILESTONE_ON_HEADER] === 'completed' ? 'completed' : 'activated';
}
