/**
 * Deploys the catalog's services to the engine (DeployResource through the Zeebe client),
 * only when changed: `service_deployments` remembers the checksum of what was deployed per
 * service and engine tenant.
 *
 * Tenants. The embedded engine runs with multi-tenancy off: every service is deployed once
 * under Zeebe's `<default>` tenant, and tenant separation lives in our tables (the case's
 * tenant, the adoption) and in the `tenantId` process variable that workers read
 * (`workers/job.ts` `tenantOf`). On a Zeebe cluster with multi-tenancy
 * (ZEEBE_MULTI_TENANCY=true) our tenant ids are the Zeebe tenant ids: a service is deployed
 * once per tenant that adopted it (the canton's cantonal services under `kanton`), instances
 * are created with the case's tenant id, and the cluster's identity must authorise the
 * server's client for those tenants; workers then activate jobs for the tenants they serve.
 *
 * A deployment that fails (engine away, model rejected) is logged and tried again before the
 * next start of a case of that service (`ensureDeployed`), so the first case after the engine
 * comes back deploys it. Concurrent calls for one service and tenant share one deployment.
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { ZeebeClient } from '../engine/zeebeClient';
import { checksumOf, type LoadedService, type ServiceResource } from './catalog.loader';
import type { CatalogService } from './catalog.service';

export const DEFAULT_ENGINE_TENANT = '<default>';

export interface DeployedService {
  serviceId: string;
  engineTenantId: string;
  checksum: string;
  deploymentKey: string;
}

/** One DeployResource call with a service's files (the designer's deployments use it too). */
export async function deployServiceResources(
  zeebe: ZeebeClient | undefined,
  resources: readonly ServiceResource[],
  engineTenantId: string,
) {
  if (!zeebe) throw new Error('no engine client');
  const response = await zeebe.deployResources(
    resources.map((resource) =>
      resource.kind === 'process'
        ? { name: resource.name, process: resource.content }
        : resource.kind === 'form'
          ? { name: resource.name, form: resource.content }
          : { name: resource.name, decision: resource.content },
    ),
    engineTenantId === DEFAULT_ENGINE_TENANT ? undefined : engineTenantId,
  );
  if (!response) throw new Error('engine client closed');
  return response;
}

export class CatalogDeployer {
  private readonly inFlight = new Map<string, Promise<DeployedService>>();
  /**
   * What this process saw deployed (by the key of `single`), so that a case start does not ask
   * `service_deployments` again; only this class writes that table, and `forget` drops both.
   */
  private readonly confirmed = new Map<string, DeployedService>();

  constructor(
    private readonly knex: Knex,
    private readonly catalog: CatalogService,
    private readonly engine: () => ZeebeClient | undefined,
    private readonly options: { multiTenancy: boolean; logger?: Logger | undefined },
  ) {}

  engineTenantOf(tenantId: string): string {
    return this.options.multiTenancy ? tenantId : DEFAULT_ENGINE_TENANT;
  }

  /** Deploys every service (per adopting tenant with multi-tenancy); failures are logged. */
  async deployAll(): Promise<{ deployed: DeployedService[]; failed: string[] }> {
    const targets: { service: LoadedService; engineTenantId: string }[] = [];
    if (this.options.multiTenancy) {
      const rows = (await this.knex('public.service_adoptions')
        .where({ enabled: true })
        .select('tenant_id', 'service_id')) as { tenant_id: string; service_id: string }[];
      for (const row of rows) {
        const service = this.catalog.get(row.service_id);
        if (service) targets.push({ service, engineTenantId: row.tenant_id });
      }
    } else {
      for (const service of this.catalog.all()) {
        targets.push({ service, engineTenantId: DEFAULT_ENGINE_TENANT });
      }
    }
    const deployed: DeployedService[] = [];
    const failed: string[] = [];
    for (const target of targets) {
      try {
        deployed.push(await this.ensureDeployed(target.service, target.engineTenantId));
      } catch (error) {
        failed.push(`${target.service.id}@${target.engineTenantId}`);
        this.options.logger?.warn(
          { serviceId: target.service.id, engineTenantId: target.engineTenantId, err: error },
          'service not deployed',
        );
      }
    }
    return { deployed, failed };
  }

  /**
   * Deploys the service unless the same files are already deployed for that engine tenant.
   * With multi-tenancy, its partner processes go to their own tenants (bookkept as
   * `<service>@<partner tenant>`); without, everything is one deployment under `<default>`.
   */
  async ensureDeployed(service: LoadedService, engineTenantId: string): Promise<DeployedService> {
    if (!this.options.multiTenancy) {
      return this.single(service.id, engineTenantId, service.resources, service);
    }
    const partners = new Map<string, ServiceResource[]>();
    for (const resource of service.resources) {
      if (!resource.partnerTenant) continue;
      partners.set(resource.partnerTenant, [
        ...(partners.get(resource.partnerTenant) ?? []),
        resource,
      ]);
    }
    for (const [tenant, resources] of partners) {
      await this.single(`${service.id}@${tenant}`, tenant, resources, service);
    }
    return this.single(
      service.id,
      engineTenantId,
      service.resources.filter((resource) => !resource.partnerTenant),
      service,
    );
  }

  /** Forgets a deployment the engine no longer knows (e.g. its state was reset). */
  async forget(serviceId: string, engineTenantId: string): Promise<void> {
    for (const key of this.confirmed.keys()) {
      if (key.startsWith(`${serviceId}\n${engineTenantId}\n`)) this.confirmed.delete(key);
    }
    await this.knex('public.service_deployments')
      .where({ service_id: serviceId, engine_tenant_id: engineTenantId })
      .delete();
  }

  /** One DeployResource call, shared by concurrent callers, skipped when unchanged. */
  private single(
    bookId: string,
    engineTenantId: string,
    resources: ServiceResource[],
    service: LoadedService,
  ): Promise<DeployedService> {
    const checksum = checksumOf(resources);
    const key = `${bookId}\n${engineTenantId}\n${checksum}`;
    const known = this.confirmed.get(key);
    if (known) return Promise.resolve(known);
    let running = this.inFlight.get(key);
    if (!running) {
      running = this.deployIfChanged(bookId, engineTenantId, resources, checksum, service)
        .then((deployed) => {
          this.confirmed.set(key, deployed);
          return deployed;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    return running;
  }

  private async deployIfChanged(
    bookId: string,
    engineTenantId: string,
    resources: ServiceResource[],
    checksum: string,
    service: LoadedService,
  ): Promise<DeployedService> {
    const existing = (await this.knex('public.service_deployments')
      .where({ service_id: bookId, engine_tenant_id: engineTenantId })
      .first()) as { checksum: string; deployment_key: string } | undefined;
    if (existing?.checksum === checksum) {
      return {
        serviceId: bookId,
        engineTenantId,
        checksum,
        deploymentKey: existing.deployment_key,
      };
    }
    const response = await deployServiceResources(this.engine(), resources, engineTenantId);
    const process = response.deployments
      .map(
        (deployment) =>
          (deployment as { process?: { bpmnProcessId: string; version: number } }).process,
      )
      .find((entry) => entry?.bpmnProcessId === service.bpmnProcessId);
    const row = {
      service_id: bookId,
      engine_tenant_id: engineTenantId,
      checksum,
      deployment_key: String(response.key),
      bpmn_process_id: process?.bpmnProcessId ?? service.bpmnProcessId,
      process_version: process?.version ?? null,
      deployed_at: new Date(),
    };
    await this.knex('public.service_deployments')
      .insert(row)
      .onConflict(['service_id', 'engine_tenant_id'])
      .merge();
    this.options.logger?.info(
      {
        serviceId: bookId,
        engineTenantId,
        deploymentKey: row.deployment_key,
        version: row.process_version,
      },
      'service deployed',
    );
    return { serviceId: bookId, engineTenantId, checksum, deploymentKey: row.deployment_key };
  }
}
