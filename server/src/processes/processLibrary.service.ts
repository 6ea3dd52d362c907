/**
 * The process library: per service of the catalog its deployed versions, the designer's
 * draft, the changes of the draft against the latest version, and deploying the draft
 * (DeployResource through the Zeebe client, by the catalog's `deployServiceResources`) with
 * the deploying designer and a comment recorded, the user tasks' names and forms recorded for
 * the inbox (`recordDeployment`), and an audit entry.
 *
 * A designer works in their current tenant; its engine tenant is `<default>` while Zeebe
 * multi-tenancy is off (one deployment serves every tenant), the tenant itself with it.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { AuditService } from '../audit/audit.service';
import type { ZeebeClient } from '../engine/zeebeClient';
import { EngineUnavailableError, NotFoundError, ValidationError } from '../http/errors';
import { deployServiceResources, type CatalogDeployer } from '../services/catalog.deployer';
import type { LoadedService } from '../services/catalog.loader';
import type { CatalogService } from '../services/catalog.service';
import type { LocalizedText } from '../services/serviceManifest';
import type { ListRequest } from '../staff/simpleRest';
import { recordDeployment } from '../tasks/userTaskDefinitions';
import { parseDeploymentRejection } from './deploymentErrors';
import {
  DeploymentRejectedError,
  DraftConflictError,
  ProcessVersionOutdatedError,
} from './process.errors';
import type { DeployBody, SaveDraftBody, PROCESS_SORT_FIELDS } from './process.schemas';
import { summarizeChanges, type ChangeSummary } from './processChanges';
import { deleteDraft, findDraft, saveDraft, type Draft, type DraftKey } from './processDrafts';
import { fromServiceResources, toServiceResources, type ProcessResource } from './processResources';
import {
  listVersions,
  withoutFiles,
  type ProcessVersion,
  type VersionWithFiles,
} from './processVersions';

export interface Designer {
  userId: string;
  /** The tenant the designer works in (their current tenant). */
  tenantId: string;
  requestId: string;
}

export interface ProcessSummary {
  id: string;
  title: LocalizedText;
  bpmnProcessId: string;
  latestVersion: number | null;
  deployedAt: string | null;
  deployedBy: string | null;
  hasDraft: boolean;
}

export interface ProcessDetail extends ProcessSummary {
  engineTenantId: string;
  resources: { name: string; kind: ProcessResource['kind'] }[];
  versions: ProcessVersion[];
  draft: { revision: number; updatedAt: string; outdated: boolean } | null;
}

export interface ProcessModel {
  /** `draft`: the designer's saved draft; `version`: the latest version (no draft yet). */
  source: 'draft' | 'version';
  /** The draft's revision, 0 without a draft: what the next save names. */
  revision: number;
  baseDeploymentKey: string | null;
  resources: ProcessResource[];
}

export interface DraftChanges extends ChangeSummary {
  latestVersion: number | null;
  /** A version was deployed after the draft was started. */
  outdated: boolean;
}

type SortField = (typeof PROCESS_SORT_FIELDS)[number];
type ListFilter = { q?: string | undefined; id?: string[] | undefined };

export interface ProcessLibraryDeps {
  knex: Knex;
  audit: AuditService;
  catalog: CatalogService;
  deployer: CatalogDeployer;
  engine: () => ZeebeClient | undefined;
  multiTenancy: boolean;
  logger?: Logger | undefined;
}

export class ProcessLibraryService {
  constructor(private readonly deps: ProcessLibraryDeps) {}

  async list(
    designer: Designer,
    request: ListRequest<SortField, ListFilter>,
  ): Promise<{ items: ProcessSummary[]; total: number }> {
    const q = request.filter.q?.toLowerCase();
    const services = this.deps.catalog
      .all()
      .filter((service) => !request.filter.id || request.filter.id.includes(service.id))
      .filter(
        (service) =>
          !q ||
          [service.id, service.manifest.title.de, service.manifest.title.en].some((text) =>
            text.toLowerCase().includes(q),
          ),
      );
    const items: ProcessSummary[] = [];
    for (const service of services) items.push((await this.load(designer, service)).summary);
    const { field, order } = request.sort;
    const value = (item: ProcessSummary): string | number =>
      field === 'title' ? item.title.de : (item[field] ?? '');
    items.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const compared =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order === 'asc' ? compared : -compared;
    });
    return {
      items: items.slice(request.offset, request.offset + request.limit),
      total: items.length,
    };
  }

  async get(designer: Designer, serviceId: string): Promise<ProcessDetail> {
    const service = this.service(serviceId);
    const { summary, versions, draft } = await this.load(designer, service);
    return {
      ...summary,
      engineTenantId: this.engineTenant(designer),
      resources: this.files(service).map(({ name, kind }) => ({ name, kind })),
      versions: versions.map(withoutFiles),
      draft: draft
        ? {
            revision: draft.revision,
            updatedAt: draft.updatedAt,
            outdated: draft.baseDeploymentKey !== (versions[0]?.deploymentKey ?? null),
          }
        : null,
    };
  }

  /** What the designer opens: their draft, or the latest version's files. */
  async model(designer: Designer, serviceId: string): Promise<ProcessModel> {
    const service = this.service(serviceId);
    const { versions, draft } = await this.load(designer, service);
    if (draft) {
      return {
        source: 'draft',
        revision: draft.revision,
        baseDeploymentKey: draft.baseDeploymentKey,
        resources: draft.resources,
      };
    }
    return {
      source: 'version',
      revision: 0,
      baseDeploymentKey: versions[0]?.deploymentKey ?? null,
      resources: this.latestFiles(service, versions),
    };
  }

  /** Saves the files sent over the draft (or the latest version's files for a new draft). */
  async saveDraft(designer: Designer, serviceId: string, body: SaveDraftBody): Promise<Draft> {
    const service = this.service(serviceId);
    const { versions, draft } = await this.load(designer, service);
    const base = draft?.resources ?? this.latestFiles(service, versions);
    const byName = new Map(base.map((resource) => [resource.name, resource]));
    const unknown = body.resources.flatMap((resource, index) =>
      byName.has(resource.name)
        ? []
        : [{ field: `resources.${index}.name`, message: 'is not a file of this service' }],
    );
    if (unknown.length) throw new ValidationError(unknown);
    for (const resource of body.resources) {
      byName.set(resource.name, { ...byName.get(resource.name)!, content: resource.content });
    }
    const saved = await this.deps.knex.transaction(async (trx) => {
      const result = await saveDraft(
        trx,
        this.draftKey(designer, service),
        body.revision,
        [...byName.values()],
        draft?.baseDeploymentKey ?? versions[0]?.deploymentKey ?? null,
      );
      await this.audit(trx, designer, service, 'process.draft_save', { revision: result.revision });
      return result;
    });
    return saved;
  }

  async discardDraft(designer: Designer, serviceId: string): Promise<void> {
    const service = this.service(serviceId);
    await this.deps.knex.transaction(async (trx) => {
      if (!(await deleteDraft(trx, this.draftKey(designer, service)))) {
        throw new NotFoundError('no draft');
      }
      await this.audit(trx, designer, service, 'process.draft_discard', {});
    });
  }

  /** The draft against the latest version (empty without a draft). */
  async changes(designer: Designer, serviceId: string): Promise<DraftChanges> {
    const service = this.service(serviceId);
    const { versions, draft } = await this.load(designer, service);
    const latest = versions[0];
    const summary = draft
      ? await summarizeChanges(this.latestFiles(service, versions), draft.resources)
      : { resources: [], elements: [] };
    return {
      ...summary,
      latestVersion: latest?.version ?? null,
      outdated: draft ? draft.baseDeploymentKey !== (latest?.deploymentKey ?? null) : false,
    };
  }

  /** Deploys the designer's draft at `revision`; the new (or unchanged latest) version. */
  async deploy(
    designer: Designer,
    serviceId: string,
    body: DeployBody,
  ): Promise<{ version: ProcessVersion; created: boolean }> {
    const service = this.service(serviceId);
    const { versions, draft } = await this.load(designer, service);
    if (!draft) throw new NotFoundError('no draft');
    if (draft.revision !== body.revision) {
      throw new DraftConflictError(`draft is at revision ${draft.revision}`);
    }
    if (draft.baseDeploymentKey !== (versions[0]?.deploymentKey ?? null) && !body.overwrite) {
      throw new ProcessVersionOutdatedError('a newer version was deployed');
    }
    const engineTenantId = this.engineTenant(designer);
    const files = toServiceResources(draft.resources);
    let response: Awaited<ReturnType<typeof deployServiceResources>>;
    try {
      response = await deployServiceResources(this.deps.engine(), files, engineTenantId);
    } catch (error) {
      throw await this.failure(designer, service, error);
    }
    const processes = response.deployments.flatMap((deployment) => {
      const process = (deployment as { process?: DeployedProcess }).process;
      return process ? [process] : [];
    });
    const main = processes.find((p) => p.bpmnProcessId === service.bpmnProcessId);
    if (!main) throw new Error(`deployment without process ${service.bpmnProcessId}`);
    const deploymentKey = String(response.key);
    const created = await this.deps.knex.transaction(async (trx) => {
      const inserted = (await trx('public.process_versions')
        .insert({
          id: randomUUID(),
          service_id: service.id,
          engine_tenant_id: engineTenantId,
          deployment_key: deploymentKey,
          bpmn_process_id: main.bpmnProcessId,
          process_version: main.version,
          process_definition_key: String(main.processDefinitionKey),
          deployed: JSON.stringify(response.deployments),
          resources: JSON.stringify(draft.resources),
          deployed_by: designer.userId,
          deployed_at: new Date(),
          comment: body.comment,
        })
        .onConflict(['service_id', 'engine_tenant_id', 'bpmn_process_id', 'process_version'])
        .ignore()
        .returning('id')) as { id: string }[];
      await recordDeployment(trx, response, files);
      await deleteDraft(trx, this.draftKey(designer, service));
      await this.audit(trx, designer, service, 'process.deploy', {
        bpmnProcessId: main.bpmnProcessId,
        version: main.version,
        deploymentKey,
        engineTenantId,
        created: inserted.length > 0,
      });
      return inserted.length > 0;
    });
    this.deps.logger?.info(
      { serviceId: service.id, engineTenantId, version: main.version, deploymentKey },
      'process deployed by designer',
    );
    const after = await listVersions(this.deps.knex, service, engineTenantId, this.files(service));
    const version = after.find((v) => v.version === main.version) ?? after[0]!;
    return { version: withoutFiles(version), created };
  }

  /** A failed DeployResource as the error the designer gets; a rejection is audited. */
  private async failure(designer: Designer, service: LoadedService, error: unknown) {
    const grpc = error as { code?: unknown; details?: unknown; message?: unknown };
    const text =
      typeof grpc.details === 'string'
        ? grpc.details
        : typeof grpc.message === 'string'
          ? grpc.message
          : '';
    const problems =
      grpc.code === 3 || /INVALID_ARGUMENT/.test(text) ? parseDeploymentRejection(text) : undefined;
    if (problems) {
      await this.audit(this.deps.knex, designer, service, 'process.deploy_rejected', {
        problems: problems.length,
      });
      return new DeploymentRejectedError(problems);
    }
    this.deps.logger?.warn({ err: error, serviceId: service.id }, 'designer deployment failed');
    return new EngineUnavailableError('deployment failed');
  }

  private async load(designer: Designer, service: LoadedService) {
    const engineTenantId = this.engineTenant(designer);
    const versions = await listVersions(
      this.deps.knex,
      service,
      engineTenantId,
      this.files(service),
    );
    const draft = await findDraft(this.deps.knex, this.draftKey(designer, service));
    const latest = versions[0];
    const summary: ProcessSummary = {
      id: service.id,
      title: service.manifest.title,
      bpmnProcessId: service.bpmnProcessId,
      latestVersion: latest?.version ?? null,
      deployedAt: latest?.deployedAt ?? null,
      deployedBy: latest?.deployedBy?.displayName ?? null,
      hasDraft: draft !== undefined,
    };
    return { summary, versions, draft };
  }

  private service(serviceId: string): LoadedService {
    const service = this.deps.catalog.get(serviceId);
    if (!service) throw new NotFoundError('unknown service');
    return service;
  }

  /** The files deployed together (with multi-tenancy, partner processes go to their tenant). */
  private files(service: LoadedService): ProcessResource[] {
    return fromServiceResources(
      this.deps.multiTenancy
        ? service.resources.filter((resource) => !resource.partnerTenant)
        : service.resources,
    );
  }

  private latestFiles(service: LoadedService, versions: VersionWithFiles[]): ProcessResource[] {
    return versions[0]?.resources ?? this.files(service);
  }

  private engineTenant(designer: Designer): string {
    return this.deps.deployer.engineTenantOf(designer.tenantId);
  }

  private draftKey(designer: Designer, service: LoadedService): DraftKey {
    return {
      serviceId: service.id,
      engineTenantId: this.engineTenant(designer),
      staffUserId: designer.userId,
    };
  }

  private audit(
    db: Knex,
    designer: Designer,
    service: LoadedService,
    action: string,
    details: Record<string, string | number | boolean>,
  ) {
    return this.deps.audit.record(
      {
        actor: { type: 'staff', id: designer.userId },
        tenantId: designer.tenantId,
        action,
        objectType: 'process',
        objectId: service.id,
        requestId: designer.requestId,
        details,
      },
      db,
    );
  }
}

interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
}
