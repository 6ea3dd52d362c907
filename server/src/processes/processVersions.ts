/**
 * The versions of a service's process in one engine tenant, newest first: those designers
 * deployed (`process_versions`, with who, when, comment and files) and the one the service
 * catalog deployed at start from WORKFLOWS_DIR (`service_deployments`; only the latest is
 * known, its files are the catalog's when their checksum still matches). The gRPC API has no
 * queries, so these tables are what the server knows about deployed versions.
 */
import type { Knex } from 'knex';
import { checksumOf, type LoadedService } from '../services/catalog.loader';
import { readResources, toServiceResources, type ProcessResource } from './processResources';

export interface ProcessVersion {
  /** The deployment key: unique per engine. */
  id: string;
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string | null;
  deploymentKey: string;
  deployedAt: string;
  deployedBy: { id: string; displayName: string } | null;
  /** `designer`: deployed here with a comment; `catalog`: from WORKFLOWS_DIR at start. */
  source: 'designer' | 'catalog';
  comment: string | null;
  /** The newest version: what new instances start. */
  latest: boolean;
}

export interface VersionWithFiles extends ProcessVersion {
  /** The files deployed; null when not known (the catalog's files changed since). */
  resources: ProcessResource[] | null;
}

interface DesignerRow {
  deployment_key: string;
  bpmn_process_id: string;
  process_version: number;
  process_definition_key: string | null;
  deployed_by: string | null;
  display_name: string | null;
  deployed_at: Date | string;
  comment: string;
  resources: unknown;
}

interface CatalogRow {
  deployment_key: string;
  bpmn_process_id: string;
  process_version: number | null;
  checksum: string;
  deployed_at: Date | string;
}

export async function listVersions(
  db: Knex,
  service: LoadedService,
  engineTenantId: string,
  catalogFiles: readonly ProcessResource[],
): Promise<VersionWithFiles[]> {
  const rows = (await db('public.process_versions as v')
    .leftJoin('public.staff_users as s', 's.id', 'v.deployed_by')
    .where({
      'v.service_id': service.id,
      'v.engine_tenant_id': engineTenantId,
      'v.bpmn_process_id': service.bpmnProcessId,
    })
    .select('v.*', 's.display_name')) as DesignerRow[];
  const versions: VersionWithFiles[] = rows.map((row) => ({
    id: row.deployment_key,
    bpmnProcessId: row.bpmn_process_id,
    version: row.process_version,
    processDefinitionKey: row.process_definition_key,
    deploymentKey: row.deployment_key,
    deployedAt: new Date(row.deployed_at).toISOString(),
    deployedBy: row.deployed_by
      ? { id: row.deployed_by, displayName: row.display_name ?? row.deployed_by }
      : null,
    source: 'designer',
    comment: row.comment,
    latest: false,
    resources: readResources(row.resources),
  }));

  const catalog = (await db('public.service_deployments')
    .where({ service_id: service.id, engine_tenant_id: engineTenantId })
    .first()) as CatalogRow | undefined;
  const known = (row: CatalogRow) =>
    versions.some(
      (v) => v.deploymentKey === row.deployment_key || v.version === row.process_version,
    );
  if (catalog && catalog.process_version !== null && !known(catalog)) {
    const sameFiles = checksumOf(toServiceResources(catalogFiles)) === catalog.checksum;
    versions.push({
      id: catalog.deployment_key,
      bpmnProcessId: catalog.bpmn_process_id,
      version: catalog.process_version,
      processDefinitionKey: null,
      deploymentKey: catalog.deployment_key,
      deployedAt: new Date(catalog.deployed_at).toISOString(),
      deployedBy: null,
      source: 'catalog',
      comment: null,
      latest: false,
      resources: sameFiles ? [...catalogFiles] : null,
    });
  }
  versions.sort((a, b) => b.version - a.version);
  if (versions[0]) versions[0].latest = true;
  return versions;
}

/** A version without its files, as the API lists it. */
export function withoutFiles(version: VersionWithFiles): ProcessVersion {
  const { resources: _files, ...rest } = version;
  return rest;
}
