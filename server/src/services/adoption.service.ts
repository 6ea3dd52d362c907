/**
 * Adoptions: a tenant offers a shared service with its own parameters (enabled, fee,
 * responsible group, contact, texts de/en). Administrators manage the adoptions of the tenants
 * they administer (platform administrators: all); everything else is 404 (list: not shown).
 * Every change is audited in its transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AuditService } from '../audit/audit.service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import type { ListRequest } from '../staff/simpleRest';
import type { AdminActor, AdminScope } from '../staff/staffUsers.service';
import type {
  AdoptionFilter,
  AdoptionSortField,
  createAdoptionBody,
  updateAdoptionBody,
} from './adoption.schemas';
import type { LoadedService } from './catalog.loader';
import {
  adoptionTexts,
  type AdoptionRow,
  type AdoptionTexts,
  type CatalogService,
} from './catalog.service';

export interface AdoptionRecord {
  id: string;
  tenantId: string;
  serviceId: string;
  enabled: boolean;
  feeCents: number | null;
  responsibleGroup: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  texts: AdoptionTexts;
  /** Values of the manifest's parameters set by this tenant (the rest are the defaults). */
  parameters: Record<string, number | string | boolean>;
  createdAt: Date;
  updatedAt: Date;
}

const SORT_COLUMNS: Record<AdoptionSortField, string> = {
  serviceId: 'service_id',
  tenantId: 'tenant_id',
  enabled: 'enabled',
  updatedAt: 'updated_at',
};

export class AdoptionService {
  constructor(
    private readonly knex: Knex,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly onChange?: (adoption: AdoptionRecord) => void,
  ) {}

  async list(
    scope: AdminScope,
    request: ListRequest<AdoptionSortField, AdoptionFilter>,
  ): Promise<{ items: AdoptionRecord[]; total: number }> {
    const { filter } = request;
    const query = this.knex('public.service_adoptions');
    if (scope !== 'all') query.whereIn('tenant_id', [...scope]);
    if (filter.tenantId !== undefined) query.where('tenant_id', filter.tenantId);
    if (filter.serviceId !== undefined) query.where('service_id', filter.serviceId);
    if (filter.enabled !== undefined) query.where('enabled', filter.enabled);
    if (filter.id !== undefined) query.whereIn('id', filter.id);
    const [{ total } = { total: 0 }] = (await query.clone().count<{ total: string | number }[]>({
      total: '*',
    })) as { total: string | number }[];
    const rows = (await query
      .select('*')
      .orderBy(SORT_COLUMNS[request.sort.field], request.sort.order)
      .orderBy('id')
      .offset(request.offset)
      .limit(request.limit)) as AdoptionRow[];
    return { items: rows.map(toRecord), total: Number(total) };
  }

  async get(scope: AdminScope, id: string): Promise<AdoptionRecord> {
    return toRecord(await this.row(this.knex, scope, id));
  }

  async create(
    actor: AdminActor,
    scope: AdminScope,
    input: z.output<typeof createAdoptionBody>,
  ): Promise<AdoptionRecord> {
    if (scope !== 'all' && !scope.includes(input.tenantId)) {
      throw new ForbiddenError('adoption for a tenant the caller does not administer');
    }
    const service = this.catalog.get(input.serviceId);
    if (!service) {
      throw new ValidationError([
        { field: 'serviceId', message: 'no such service in the catalog' },
      ]);
    }
    checkParameters(service, input.parameters);
    const created = await this.knex.transaction(async (trx) => {
      const tenant = await trx('public.tenants')
        .where({ id: input.tenantId, active: true })
        .first('id');
      if (!tenant) throw new ValidationError([{ field: 'tenantId', message: 'no such tenant' }]);
      const [row] = (await trx('public.service_adoptions')
        .insert({
          id: randomUUID(),
          tenant_id: input.tenantId,
          service_id: input.serviceId,
          enabled: input.enabled,
          fee_cents: input.feeCents,
          responsible_group: input.responsibleGroup,
          contact_email: input.contactEmail,
          contact_phone: input.contactPhone,
          texts: JSON.stringify(input.texts),
          parameters: JSON.stringify(input.parameters),
        })
        .onConflict(['tenant_id', 'service_id'])
        .ignore()
        .returning('*')) as AdoptionRow[];
      if (!row) throw new ConflictError('service already adopted by the tenant');
      await this.recordAudit(trx, actor, row, 'service_adoption.create');
      return toRecord(row);
    });
    this.onChange?.(created);
    return created;
  }

  async update(
    actor: AdminActor,
    scope: AdminScope,
    id: string,
    input: z.output<typeof updateAdoptionBody>,
  ): Promise<AdoptionRecord> {
    const updated = await this.knex.transaction(async (trx) => {
      const current = await this.row(trx, scope, id, true);
      const change: Record<string, unknown> = { updated_at: trx.fn.now() };
      if (input.enabled !== undefined) change.enabled = input.enabled;
      if (input.feeCents !== undefined) change.fee_cents = input.feeCents;
      if (input.responsibleGroup !== undefined) change.responsible_group = input.responsibleGroup;
      if (input.contactEmail !== undefined) change.contact_email = input.contactEmail;
      if (input.contactPhone !== undefined) change.contact_phone = input.contactPhone;
      if (input.texts !== undefined) change.texts = JSON.stringify(input.texts);
      if (input.parameters !== undefined) {
        const service = this.catalog.get(current.service_id);
        if (service) checkParameters(service, input.parameters);
        change.parameters = JSON.stringify(input.parameters);
      }
      const [row] = (await trx('public.service_adoptions')
        .where({ id })
        .update(change)
        .returning('*')) as AdoptionRow[];
      await this.recordAudit(trx, actor, row!, 'service_adoption.update');
      return toRecord(row!);
    });
    this.onChange?.(updated);
    return updated;
  }

  /** Deletes the adoption; cases of the service keep their data (they refer to the service id). */
  async delete(actor: AdminActor, scope: AdminScope, id: string): Promise<AdoptionRecord> {
    return this.knex.transaction(async (trx) => {
      const row = await this.row(trx, scope, id, true);
      await trx('public.service_adoptions').where({ id }).delete();
      await this.recordAudit(trx, actor, row, 'service_adoption.delete');
      return toRecord(row);
    });
  }

  private async row(db: Knex, scope: AdminScope, id: string, lock = false): Promise<AdoptionRow> {
    const query = db('public.service_adoptions').where({ id });
    if (lock) query.forUpdate();
    const row = (await query.first()) as AdoptionRow | undefined;
    if (!row || (scope !== 'all' && !scope.includes(row.tenant_id))) {
      throw new NotFoundError('no such adoption');
    }
    return row;
  }

  private async recordAudit(
    db: Knex,
    actor: AdminActor,
    row: AdoptionRow,
    action: string,
  ): Promise<void> {
    await this.audit.record(
      {
        actor: { type: 'staff', id: actor.userId },
        tenantId: row.tenant_id,
        action,
        objectType: 'service_adoption',
        objectId: row.id,
        requestId: actor.requestId,
        details: { serviceId: row.service_id, enabled: row.enabled },
      },
      db,
    );
  }
}

/** Only parameters the manifest declares, each of its type. */
function checkParameters(
  service: LoadedService,
  parameters: Record<string, number | string | boolean>,
): void {
  const errors = Object.entries(parameters).flatMap(([name, value]) => {
    const declared = service.manifest.parameters[name];
    if (!declared) {
      return [{ field: `parameters.${name}`, message: 'the service has no such parameter' }];
    }
    return typeof value === declared.type
      ? []
      : [{ field: `parameters.${name}`, message: `must be a ${declared.type}` }];
  });
  if (errors.length) throw new ValidationError(errors);
}

export function toRecord(row: AdoptionRow): AdoptionRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    serviceId: row.service_id,
    enabled: row.enabled,
    feeCents: row.fee_cents === null ? null : Number(row.fee_cents),
    responsibleGroup: row.responsible_group,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    texts: adoptionTexts(row),
    parameters:
      typeof row.parameters === 'string'
        ? (JSON.parse(row.parameters) as Record<string, number | string | boolean>)
        : (row.parameters ?? {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
