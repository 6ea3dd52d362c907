/**
 * The service catalog at run time: the services loaded from WORKFLOWS_DIR (in memory, loaded
 * once at start) joined with the tenants' adoptions (`service_adoptions`). What a citizen
 * sees of a municipality: its own enabled adoptions and, for municipalities, the canton's
 * enabled adoptions of cantonal services (submitted to the canton, `tenantId: kanton`).
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { NotFoundError, ServiceNotOfferedError } from '../http/errors';
import {
  loadCatalog,
  type CatalogProblem,
  type FormSchema,
  type LoadedService,
} from './catalog.loader';
import type { LifeSituation, LocalizedText } from './serviceManifest';

export const CANTON_TENANT_ID = 'kanton';

export interface AdoptionTexts {
  de?: { title?: string; description?: string; notice?: string };
  en?: { title?: string; description?: string; notice?: string };
}

export interface AdoptionRow {
  id: string;
  tenant_id: string;
  service_id: string;
  enabled: boolean;
  fee_cents: number | null;
  responsible_group: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  texts: AdoptionTexts | string;
  parameters: Record<string, number | string | boolean> | string;
  created_at: Date;
  updated_at: Date;
}

export interface OfferedService {
  service: LoadedService;
  adoption: AdoptionRow;
  /** The tenant that runs it (the municipality, or the canton for cantonal services). */
  tenantId: string;
}

export interface PortalService {
  id: string;
  tenantId: string;
  title: LocalizedText;
  description: LocalizedText;
  notice: LocalizedText | null;
  lifeSituation: LifeSituation;
  authority: 'canton' | 'municipality';
  /** Kind (free, fixed, from, yearly) and note come from the manifest. */
  fee: {
    amountCents: number;
    currency: 'CHF';
    kind: string | null;
    note: LocalizedText | null;
  } | null;
  expectedDurationDays: number | null;
  contact: { email: string | null; phone: string | null };
}

/** The manifest's parameter defaults with the adoption's values: the process's `params`. */
export function processParams(
  service: LoadedService,
  adoption: Pick<AdoptionRow, 'parameters'>,
): Record<string, number | string | boolean> {
  const own =
    typeof adoption.parameters === 'string'
      ? (JSON.parse(adoption.parameters) as Record<string, number | string | boolean>)
      : (adoption.parameters ?? {});
  const params: Record<string, number | string | boolean> = {};
  for (const [name, parameter] of Object.entries(service.manifest.parameters)) {
    const value = own[name];
    params[name] = typeof value === typeof parameter.default ? value! : parameter.default;
  }
  return params;
}

export function adoptionTexts(row: Pick<AdoptionRow, 'texts'>): AdoptionTexts {
  return typeof row.texts === 'string' ? (JSON.parse(row.texts) as AdoptionTexts) : row.texts;
}

export class CatalogService {
  private services = new Map<string, LoadedService>();
  private loadProblems: CatalogProblem[] = [];

  constructor(
    private readonly knex: Knex,
    private readonly directory: string,
  ) {}

  /** (Re)reads WORKFLOWS_DIR; problems of single folders are logged and those services left out. */
  load(logger?: Logger): { services: string[]; problems: CatalogProblem[] } {
    const loaded = loadCatalog(this.directory);
    this.services = new Map(loaded.services.map((service) => [service.id, service]));
    this.loadProblems = loaded.problems;
    for (const problem of loaded.problems) {
      logger?.warn({ folder: problem.folder, problem: problem.problem }, 'service not loaded');
    }
    return { services: [...this.services.keys()], problems: loaded.problems };
  }

  get problems(): readonly CatalogProblem[] {
    return this.loadProblems;
  }

  all(): LoadedService[] {
    return [...this.services.values()];
  }

  get(serviceId: string): LoadedService | undefined {
    return this.services.get(serviceId);
  }

  /** The service as `tenantId` offers it; ServiceNotOfferedError (404) otherwise. */
  async offered(
    tenantId: string,
    serviceId: string,
    db: Knex = this.knex,
  ): Promise<OfferedService> {
    const service = this.services.get(serviceId);
    if (!service) throw new ServiceNotOfferedError('unknown service');
    const owners =
      service.manifest.authority === 'canton' && tenantId !== CANTON_TENANT_ID
        ? [tenantId, CANTON_TENANT_ID]
        : [tenantId];
    // One statement: the adoptions, and whether the citizen's own tenant is active.
    const rows = (await db('public.service_adoptions as a')
      .join('public.tenants as t', 't.id', 'a.tenant_id')
      .whereIn('a.tenant_id', owners)
      .andWhere({ 'a.service_id': serviceId, 'a.enabled': true, 't.active': true })
      .select(
        'a.*',
        db.raw('exists (select 1 from public.tenants where id = ? and active) as tenant_active', [
          tenantId,
        ]),
      )) as (AdoptionRow & { tenant_active: boolean })[];
    const found = rows.find((row) => row.tenant_id === tenantId) ?? rows[0];
    if (!found?.tenant_active) throw new ServiceNotOfferedError('service not offered by tenant');
    const { tenant_active: _active, ...adoption } = found;
    return { service, adoption, tenantId: adoption.tenant_id };
  }

  /** The enabled services a citizen of `tenantId` can use, grouped by life situation. */
  async listForTenant(
    tenantId: string,
  ): Promise<{ lifeSituation: LifeSituation; services: PortalService[] }[]> {
    const tenant = (await this.knex('public.tenants')
      .where({ id: tenantId, active: true })
      .first()) as { id: string; kind: string } | undefined;
    if (!tenant) throw new NotFoundError('tenant');
    const rows = (await this.knex('public.service_adoptions')
      .whereIn(
        'tenant_id',
        tenant.kind === 'municipality' ? [tenantId, CANTON_TENANT_ID] : [tenantId],
      )
      .andWhere({ enabled: true })) as AdoptionRow[];
    const byService = new Map<string, AdoptionRow>();
    for (const row of rows) {
      const service = this.services.get(row.service_id);
      if (!service) continue;
      const own = row.tenant_id === tenantId;
      const cantonal =
        row.tenant_id === CANTON_TENANT_ID && service.manifest.authority === 'canton';
      if (!own && !cantonal) continue;
      if (own || !byService.has(row.service_id)) byService.set(row.service_id, row);
    }
    const groups = new Map<string, { lifeSituation: LifeSituation; services: PortalService[] }>();
    for (const [serviceId, adoption] of byService) {
      const service = this.services.get(serviceId)!;
      const entry = toPortalService(service, adoption);
      const key = entry.lifeSituation.id;
      if (!groups.has(key)) groups.set(key, { lifeSituation: entry.lifeSituation, services: [] });
      groups.get(key)!.services.push(entry);
    }
    const result = [...groups.values()];
    for (const group of result)
      group.services.sort((a, b) => a.title.de.localeCompare(b.title.de, 'de'));
    return result.sort((a, b) =>
      a.lifeSituation.label.de.localeCompare(b.lifeSituation.label.de, 'de'),
    );
  }

  /** One offered service with its start form. */
  async portalService(
    tenantId: string,
    serviceId: string,
  ): Promise<
    PortalService & { startForm: FormSchema | null; startFormTexts: Record<string, unknown> }
  > {
    const offered = await this.offered(tenantId, serviceId);
    return {
      ...toPortalService(offered.service, offered.adoption),
      startForm: offered.service.startForm,
      startFormTexts: offered.service.startFormTexts,
    };
  }
}

export function toPortalService(service: LoadedService, adoption: AdoptionRow): PortalService {
  const texts = adoptionTexts(adoption);
  const m = service.manifest;
  const pick = (field: 'title' | 'description', fallback: LocalizedText): LocalizedText => ({
    de: texts.de?.[field] ?? fallback.de,
    en: texts.en?.[field] ?? texts.de?.[field] ?? fallback.en,
  });
  const feeCents = adoption.fee_cents ?? m.feeCents;
  const noticeDe = texts.de?.notice;
  const noticeEn = texts.en?.notice ?? noticeDe;
  return {
    id: service.id,
    tenantId: adoption.tenant_id,
    title: pick('title', m.title),
    description: pick('description', m.description),
    notice: noticeDe && noticeEn ? { de: noticeDe, en: noticeEn } : null,
    lifeSituation: m.lifeSituation,
    authority: m.authority,
    fee:
      feeCents === null || feeCents === undefined
        ? null
        : {
            amountCents: Number(feeCents),
            currency: 'CHF',
            kind: m.feeKind,
            note: m.feeNote,
          },
    expectedDurationDays: m.expectedDurationDays,
    contact: { email: adoption.contact_email, phone: adoption.contact_phone },
  };
}
