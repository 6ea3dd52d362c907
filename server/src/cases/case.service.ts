/**
 * The case read model: what the server knows about a case, learnt from the submission and
 * from jobs (the gRPC API has no queries). Other domains write to it only through this
 * service:
 *
 *   cases.recordMilestone({ processInstanceKey: job.processInstanceKey, milestoneId, at })
 *   cases.setStatus(caseId, 'waiting_for_citizen')         // a citizen request opened
 *   cases.recordDecision(caseId, { decision: 'approved' }) // the decision is out
 *   cases.recordVariables(caseId, taskOutput, 'task:<key>') // what a task added to the case
 *   cases.addMessage(caseId, { subject, body }, actor)       // a message to the citizen
 *   cases.setOpenRequestsSource(fn) / setTasksSource(fn)     // the task inbox plugs in here
 *
 * Milestones are the public steps of the manifest (labels de/en there); a milestone id the
 * manifest does not declare is not shown to citizens and not recorded.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { CatalogService } from '../services/catalog.service';
import type { LocalizedText } from '../services/serviceManifest';
import {
  CASE_REFERENCE,
  FINAL_STATUSES,
  toCase,
  UUID,
  type CaseRecord,
  type CaseRow,
  type CaseStatus,
} from './case.model';

export type CaseLookup = { caseId: string } | { processInstanceKey: string };

export interface MilestoneInput {
  caseId?: string | undefined;
  processInstanceKey?: string | undefined;
  milestoneId: string;
  at?: Date | undefined;
  /** e.g. `job:2251799813685251` or `task:<id>`; kept for staff. */
  source?: string | undefined;
}

export type MilestoneResult =
  | { recorded: true; caseId: string }
  | { recorded: false; reason: 'unknown_case' | 'unknown_milestone' | 'already_recorded' };

/** A request to the citizen (a citizen task of the inbox): shown on the tracking page. */
export interface CitizenRequest {
  id: string;
  title: LocalizedText;
  description?: LocalizedText | null;
  createdAt: Date;
  dueAt?: Date | null;
  /** e.g. `upload`, `answer`. */
  kind?: string;
}

export type OpenRequestsSource = (caseRef: {
  caseId: string;
  tenantId: string;
}) => Promise<CitizenRequest[]>;
export type TasksSource = (caseRef: { caseId: string; tenantId: string }) => Promise<unknown[]>;

export interface CaseMilestone {
  id: string;
  label: LocalizedText;
  reachedAt: Date | null;
}

export interface CaseMessage {
  id: string;
  kind: string;
  subject: string;
  body: string;
  createdAt: Date;
  createdBy: string;
}

/** Status changes that make sense; a final case never changes again. */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  waiting_to_start: [
    'submitted',
    'in_progress',
    'waiting_for_citizen',
    'decided',
    'closed',
    'rejected',
  ],
  submitted: ['in_progress', 'waiting_for_citizen', 'decided', 'closed', 'rejected'],
  in_progress: ['waiting_for_citizen', 'decided', 'closed', 'rejected'],
  waiting_for_citizen: ['in_progress', 'decided', 'closed', 'rejected'],
  decided: ['closed'],
  closed: [],
  rejected: [],
};

export class CaseService {
  private openRequestsSource: OpenRequestsSource | undefined;
  private tasksSource: TasksSource | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly logger?: Logger,
  ) {}

  setOpenRequestsSource(source: OpenRequestsSource): void {
    this.openRequestsSource = source;
  }

  setTasksSource(source: TasksSource): void {
    this.tasksSource = source;
  }

  async find(lookup: CaseLookup, db: Knex = this.knex): Promise<CaseRecord | undefined> {
    if ('caseId' in lookup) {
      if (!UUID.test(lookup.caseId)) return undefined;
      const row = (await db('public.cases').where({ id: lookup.caseId }).first()) as
        CaseRow | undefined;
      return row && toCase(row);
    }
    const row = (await db('public.cases')
      .where({ process_instance_key: lookup.processInstanceKey })
      .first()) as CaseRow | undefined;
    return row && toCase(row);
  }

  async findByReference(reference: string): Promise<CaseRow | undefined> {
    if (!CASE_REFERENCE.test(reference)) return undefined;
    return (await this.knex('public.cases').where({ reference }).first()) as CaseRow | undefined;
  }

  /**
   * Records that a case reached a public milestone (once per case and milestone; later calls
   * are `already_recorded`). Identify the case by id or by the process instance key of the
   * job; a submitted case moves on to `in_progress`.
   */
  async recordMilestone(input: MilestoneInput): Promise<MilestoneResult> {
    const lookup: CaseLookup | undefined = input.caseId
      ? { caseId: input.caseId }
      : input.processInstanceKey
        ? { processInstanceKey: input.processInstanceKey }
        : undefined;
    const found = lookup && (await this.find(lookup));
    if (!found) return { recorded: false, reason: 'unknown_case' };
    const declared = this.catalog.get(found.serviceId)?.manifest.milestones ?? [];
    if (!declared.some((milestone) => milestone.id === input.milestoneId)) {
      this.logger?.warn(
        { caseId: found.id, milestoneId: input.milestoneId },
        'milestone not declared in the service manifest; not recorded',
      );
      return { recorded: false, reason: 'unknown_milestone' };
    }
    return this.knex.transaction(async (trx) => {
      const inserted = (await trx('public.case_milestones')
        .insert({
          case_id: found.id,
          milestone_id: input.milestoneId,
          reached_at: input.at ?? new Date(),
          source: input.source?.slice(0, 120) ?? null,
        })
        .onConflict(['case_id', 'milestone_id'])
        .ignore()
        .returning('id')) as { id: string }[];
      if (!inserted.length) return { recorded: false, reason: 'already_recorded' } as const;
      await trx('public.cases')
        .where({ id: found.id })
        .whereIn('status', ['waiting_to_start', 'submitted'])
        .update({ status: 'in_progress', updated_at: trx.fn.now() });
      return { recorded: true, caseId: found.id } as const;
    });
  }

  /** Moves the case to `status` if that is a step forward; returns whether it changed. */
  async setStatus(caseId: string, status: CaseStatus, db: Knex = this.knex): Promise<boolean> {
    const allowedFrom = (Object.keys(NEXT) as CaseStatus[]).filter((from) =>
      NEXT[from].includes(status),
    );
    const changed = await db('public.cases')
      .where({ id: caseId })
      .whereIn('status', allowedFrom)
      .update({
        status,
        updated_at: db.fn.now(),
        ...(status === 'closed' ? { closed_at: db.fn.now() } : {}),
      });
    return Number(changed) > 0;
  }

  /** The decision is out: `decided`, or `rejected` when the decision is a rejection. */
  async recordDecision(
    caseId: string,
    input: { decision: string; at?: Date | undefined },
  ): Promise<boolean> {
    const status: CaseStatus = input.decision === 'rejected' ? 'rejected' : 'decided';
    return this.knex.transaction(async (trx) => {
      const changed = await this.setStatus(caseId, status, trx);
      if (changed) {
        await trx('public.cases')
          .where({ id: caseId })
          .update({ decision: input.decision.slice(0, 32), decided_at: input.at ?? new Date() });
      }
      return changed;
    });
  }

  async closeCase(caseId: string): Promise<boolean> {
    return this.setStatus(caseId, 'closed');
  }

  /** Keeps variables a task added to the case (the engine's cannot be read over gRPC). */
  async recordVariables(
    caseId: string,
    variables: Record<string, unknown>,
    source: string,
  ): Promise<void> {
    const rows = Object.entries(variables).map(([name, value]) => ({
      case_id: caseId,
      name: name.slice(0, 255),
      // Wrapped, so a variable holding a string is never mistaken for JSON text when read back.
      value: JSON.stringify({ v: value ?? null }),
      source: source.slice(0, 160),
      updated_at: new Date(),
    }));
    if (!rows.length) return;
    await this.knex('public.case_variables')
      .insert(rows)
      .onConflict(['case_id', 'name'])
      .merge(['value', 'source', 'updated_at']);
  }

  async addMessage(
    caseId: string,
    message: { subject: string; body: string; kind?: 'message' | 'request' },
    context: AuditContext,
  ): Promise<CaseMessage> {
    const found = await this.find({ caseId });
    if (!found) throw new Error(`addMessage: no case ${caseId}`);
    const row = {
      id: randomUUID(),
      case_id: caseId,
      kind: message.kind ?? 'message',
      subject: message.subject.slice(0, 255),
      body: message.body,
      created_by: `${context.actor.type}:${context.actor.id ?? ''}`.slice(0, 160),
      created_at: new Date(),
    };
    await this.knex.transaction(async (trx) => {
      await trx('public.case_messages').insert(row);
      await this.audit.record(
        {
          actor: context.actor,
          tenantId: found.tenantId,
          action: 'case.message',
          objectType: 'case',
          objectId: caseId,
          requestId: context.requestId,
          details: { messageId: row.id, kind: row.kind },
        },
        trx,
      );
    });
    return toMessage(row);
  }

  async milestones(caseRecord: Pick<CaseRecord, 'id' | 'serviceId'>): Promise<CaseMilestone[]> {
    const rows = (await this.knex('public.case_milestones')
      .where({ case_id: caseRecord.id })
      .orderBy('reached_at')) as { milestone_id: string; reached_at: Date }[];
    const reached = new Map(rows.map((row) => [row.milestone_id, row.reached_at]));
    const declared = this.catalog.get(caseRecord.serviceId)?.manifest.milestones ?? [];
    return declared.map((milestone) => ({
      id: milestone.id,
      label: milestone.label,
      reachedAt: reached.get(milestone.id) ?? null,
    }));
  }

  async messages(caseId: string): Promise<CaseMessage[]> {
    const rows = (await this.knex('public.case_messages')
      .where({ case_id: caseId })
      .orderBy('created_at')) as Parameters<typeof toMessage>[0][];
    return rows.map(toMessage);
  }

  async variables(caseId: string): Promise<Record<string, unknown>> {
    const rows = (await this.knex('public.case_variables').where({ case_id: caseId })) as {
      name: string;
      value: unknown;
    }[];
    return Object.fromEntries(
      rows.map((row) => {
        const wrapped = (typeof row.value === 'string' ? JSON.parse(row.value) : row.value) as {
          v: unknown;
        };
        return [row.name, wrapped.v];
      }),
    );
  }

  async openRequests(caseRecord: Pick<CaseRecord, 'id' | 'tenantId'>): Promise<CitizenRequest[]> {
    if (!this.openRequestsSource) return [];
    return this.openRequestsSource({ caseId: caseRecord.id, tenantId: caseRecord.tenantId });
  }

  async tasks(caseRecord: Pick<CaseRecord, 'id' | 'tenantId'>): Promise<unknown[]> {
    if (!this.tasksSource) return [];
    return this.tasksSource({ caseId: caseRecord.id, tenantId: caseRecord.tenantId });
  }

  /** Cases still waiting for their process instance, due for another start. */
  async dueToStart(limit: number, now = new Date()): Promise<CaseRecord[]> {
    const rows = (await this.knex('public.cases')
      .where({ status: 'waiting_to_start' })
      .andWhere((w) => w.whereNull('next_start_at').orWhere('next_start_at', '<=', now))
      .orderBy('submitted_at')
      .limit(limit)) as CaseRow[];
    return rows.map(toCase);
  }

  isFinal(status: CaseStatus): boolean {
    return FINAL_STATUSES.includes(status);
  }
}

function toMessage(row: {
  id: string;
  kind: string;
  subject: string;
  body: string;
  created_at: Date;
  created_by: string;
}): CaseMessage {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
