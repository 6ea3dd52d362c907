/**
 * Cases as staff see them. Who sees which case: in each tenant they belong to, an
 * administrator sees every case; a clerk sees the cases of services whose adoption names one
 * of the clerk's groups as responsible (or names none). Anything else — another tenant's case,
 * another group's — is 404, as is an unknown id. Every read, list or single, is audited.
 */
import type { Knex } from 'knex';
import type { AuditContext, AuditService } from '../audit/audit.service';
import { MAX_PER_PAGE, type Page } from '../audit/admin';
import { NotFoundError } from '../http/errors';
import type { StaffPrincipal } from '../staff/principal';
import {
  CASE_REFERENCE,
  toCase,
  UUID,
  type CaseRecord,
  type CaseRow,
  type CaseStatus,
} from './case.model';
import type { CaseViews } from './caseView';

export interface StaffCaseFilter {
  tenantId?: string | undefined;
  serviceId?: string | undefined;
  status?: CaseStatus | undefined;
  /** Reference, whole or its beginning. */
  reference?: string | undefined;
  submittedFrom?: Date | undefined;
  submittedTo?: Date | undefined;
}

interface Visibility {
  tenantId: string;
  everything: boolean;
  groups: string[];
}

export function visibilityOf(principal: StaffPrincipal): Visibility[] {
  return principal.memberships
    .filter((m) => m.roles.includes('admin') || m.roles.includes('clerk'))
    .map((m) => ({
      tenantId: m.tenantId,
      everything: m.roles.includes('admin'),
      groups: m.groups,
    }));
}

export class StaffCaseService {
  constructor(
    private readonly knex: Knex,
    private readonly views: CaseViews,
    private readonly audit: AuditService,
  ) {}

  async list(
    principal: StaffPrincipal,
    filter: StaffCaseFilter,
    paging: { page: number; perPage: number },
    context: AuditContext,
  ) {
    const perPage = Math.min(MAX_PER_PAGE, paging.perPage);
    const query = this.visible(principal);
    if (filter.tenantId) query.where('c.tenant_id', filter.tenantId);
    if (filter.serviceId) query.where('c.service_id', filter.serviceId);
    if (filter.status) query.where('c.status', filter.status);
    if (filter.reference)
      query.where('c.reference', 'like', `${filter.reference.replace(/[\\%_]/g, '')}%`);
    if (filter.submittedFrom) query.where('c.submitted_at', '>=', filter.submittedFrom);
    if (filter.submittedTo) query.where('c.submitted_at', '<', filter.submittedTo);
    const rows = (await query
      .select('c.*')
      .orderBy([
        { column: 'c.submitted_at', order: 'desc' },
        { column: 'c.id', order: 'desc' },
      ])
      .offset((paging.page - 1) * perPage)
      .limit(perPage + 1)) as CaseRow[];
    const data = rows.slice(0, perPage).map((row) => {
      const record = toCase(row);
      return {
        id: record.id,
        reference: record.reference,
        tenantId: record.tenantId,
        serviceId: record.serviceId,
        serviceTitle: this.views.serviceTitle(record.serviceId),
        status: record.status,
        applicantName: record.applicant.name,
        applicantEmail: record.applicant.email,
        submittedAt: record.submittedAt,
        expectedCompletionAt: record.expectedCompletionAt,
        processInstanceKey: record.processInstanceKey,
      };
    });
    await this.audit.record({
      actor: context.actor,
      tenantId: filter.tenantId ?? null,
      action: 'case.list',
      objectType: 'case',
      objectId: null,
      requestId: context.requestId,
      details: { page: paging.page, perPage, results: data.length },
    });
    const page: Page<(typeof data)[number]> = {
      data,
      pageInfo: { hasNextPage: rows.length > perPage, hasPreviousPage: paging.page > 1 },
    };
    return page;
  }

  /** The whole case by id or reference; 404 unless visible to the staff member. */
  async get(principal: StaffPrincipal, idOrReference: string, context: AuditContext) {
    const record = await this.find(principal, idOrReference);
    await this.audit.record({
      actor: context.actor,
      tenantId: record.tenantId,
      action: 'case.read',
      objectType: 'case',
      objectId: record.id,
      requestId: context.requestId,
    });
    return this.views.staff(record);
  }

  /**
   * The case by id or reference, not audited (the caller audits what it reads, e.g. a
   * document); 404 unless visible to the staff member — the same check as `get`.
   */
  async find(principal: StaffPrincipal, idOrReference: string): Promise<CaseRecord> {
    const query = this.visible(principal);
    if (UUID.test(idOrReference)) query.where('c.id', idOrReference);
    else if (CASE_REFERENCE.test(idOrReference)) query.where('c.reference', idOrReference);
    else throw new NotFoundError('malformed case id');
    const row = (await query.first('c.*')) as CaseRow | undefined;
    if (!row) throw new NotFoundError('case not visible');
    return toCase(row);
  }

  private visible(principal: StaffPrincipal): Knex.QueryBuilder {
    const rules = visibilityOf(principal);
    const query = this.knex('public.cases as c').leftJoin('public.service_adoptions as a', (join) =>
      join.on('a.tenant_id', '=', 'c.tenant_id').andOn('a.service_id', '=', 'c.service_id'),
    );
    if (!rules.length) return query.whereRaw('false');
    return query.where((outer) => {
      for (const rule of rules) {
        outer.orWhere((w) => {
          w.where('c.tenant_id', rule.tenantId);
          if (!rule.everything) {
            w.andWhere((g) => {
              g.whereNull('a.responsible_group');
              if (rule.groups.length) g.orWhereIn('a.responsible_group', rule.groups);
            });
          }
        });
      }
    });
  }
}
