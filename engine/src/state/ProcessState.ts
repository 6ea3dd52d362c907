/**
 * Deployed resources: process definitions (with their parsed executable model), forms, and the
 * write-only deployment and resource rows. Read by processors; changed only by appliers.
 */
import type { Knex } from 'knex';
import type { ExecutableProcess } from '../model/types';
import { keyColumn, numberColumn, textColumn } from './store/columns';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type Row, type StoredTable } from './store/Table';

export type DefinitionState = 'ACTIVE' | 'DELETED';

export interface ProcessDefinition {
  key: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  resourceKey: string;
  resourceName: string;
  checksum: string;
  deploymentKey: string;
  state: DefinitionState;
}

export interface DeployedProcess extends ProcessDefinition {
  process: ExecutableProcess;
}

export interface FormDefinition {
  key: string;
  formId: string;
  /** The form JSON's `versionTag`, '' without one. */
  versionTag: string;
  version: number;
  tenantId: string;
  resourceKey: string;
  resourceName: string;
  checksum: string;
  deploymentKey: string;
  state: DefinitionState;
}

export interface Deployment {
  key: string;
  tenantId: string;
  createdAt: number;
}

export interface Resource {
  key: string;
  deploymentKey: string;
  tenantId: string;
  resourceName: string;
  resourceType: 'bpmn' | 'dmn' | 'form';
  checksum: string;
  content: string;
}

const writeOnly = {
  loadFilter: (query: Knex.QueryBuilder) => query.whereRaw('false'),
  keepInMemory: () => false,
};

function definitionFromRow(row: Row): ProcessDefinition {
  return {
    key: keyColumn(row.key),
    bpmnProcessId: textColumn(row.bpmn_process_id),
    version: numberColumn(row.version),
    tenantId: textColumn(row.tenant_id),
    resourceKey: keyColumn(row.resource_key),
    resourceName: textColumn(row.resource_name),
    checksum: textColumn(row.checksum),
    deploymentKey: keyColumn(row.deployment_key),
    state: textColumn(row.state) as DefinitionState,
  };
}

function formFromRow(row: Row): FormDefinition {
  return {
    key: keyColumn(row.key),
    formId: textColumn(row.form_id),
    versionTag: textColumn(row.version_tag),
    version: numberColumn(row.version),
    tenantId: textColumn(row.tenant_id),
    resourceKey: keyColumn(row.resource_key),
    resourceName: textColumn(row.resource_name),
    checksum: textColumn(row.checksum),
    deploymentKey: keyColumn(row.deployment_key),
    state: textColumn(row.state) as DefinitionState,
  };
}

const byTenantAndId = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;

export class ProcessState {
  readonly definitions: Table<ProcessDefinition>;
  readonly forms: Table<FormDefinition>;
  readonly deployments: Table<Deployment>;
  readonly resources: Table<Resource>;
  private readonly definitionsById: GroupIndex<ProcessDefinition>;
  private readonly formsById: GroupIndex<FormDefinition>;
  private readonly models = new Map<string, ExecutableProcess>();

  constructor(private readonly journal: Journal) {
    this.definitions = new Table<ProcessDefinition>(
      {
        name: 'process_definitions',
        keyColumns: ['key'],
        keyOf: (d) => d.key,
        toRow: (d) => ({
          key: d.key,
          bpmn_process_id: d.bpmnProcessId,
          version: d.version,
          tenant_id: d.tenantId,
          resource_key: d.resourceKey,
          resource_name: d.resourceName,
          checksum: d.checksum,
          deployment_key: d.deploymentKey,
          state: d.state,
        }),
        fromRow: definitionFromRow,
        loadFilter: (query) => query.orderBy('version'),
      },
      journal,
    );
    this.definitionsById = this.definitions.addIndex(
      new GroupIndex((d) => byTenantAndId(d.tenantId, d.bpmnProcessId)),
    );
    this.forms = new Table<FormDefinition>(
      {
        name: 'forms',
        keyColumns: ['key'],
        keyOf: (f) => f.key,
        toRow: (f) => ({
          key: f.key,
          form_id: f.formId,
          version_tag: f.versionTag,
          version: f.version,
          tenant_id: f.tenantId,
          resource_key: f.resourceKey,
          resource_name: f.resourceName,
          checksum: f.checksum,
          deployment_key: f.deploymentKey,
          state: f.state,
        }),
        fromRow: formFromRow,
        loadFilter: (query) => query.orderBy('version'),
      },
      journal,
    );
    this.formsById = this.forms.addIndex(
      new GroupIndex((f) => byTenantAndId(f.tenantId, f.formId)),
    );
    this.deployments = new Table<Deployment>(
      {
        name: 'deployments',
        keyColumns: ['key'],
        keyOf: (d) => d.key,
        toRow: (d) => ({ key: d.key, tenant_id: d.tenantId, created_at: d.createdAt }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          tenantId: textColumn(row.tenant_id),
          createdAt: numberColumn(row.created_at),
        }),
        ...writeOnly,
      },
      journal,
    );
    this.resources = new Table<Resource>(
      {
        name: 'resources',
        keyColumns: ['key'],
        keyOf: (r) => r.key,
        toRow: (r) => ({
          key: r.key,
          deployment_key: r.deploymentKey,
          tenant_id: r.tenantId,
          resource_name: r.resourceName,
          resource_type: r.resourceType,
          checksum: r.checksum,
          content: r.content,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          deploymentKey: keyColumn(row.deployment_key),
          tenantId: textColumn(row.tenant_id),
          resourceName: textColumn(row.resource_name),
          resourceType: textColumn(row.resource_type) as Resource['resourceType'],
          checksum: textColumn(row.checksum),
          content: textColumn(row.content),
        }),
        ...writeOnly,
      },
      journal,
    );
  }

  // ---- reads -------------------------------------------------------------------------------

  getProcessByKey(key: string): DeployedProcess | undefined {
    const definition = this.definitions.get(key);
    if (!definition || definition.state !== 'ACTIVE') return undefined;
    return this.withModel(definition);
  }

  /** Any definition by key, also deleted ones (running instances keep their model). */
  getModel(processDefinitionKey: string): ExecutableProcess | undefined {
    return this.models.get(processDefinitionKey);
  }

  getLatestProcess(bpmnProcessId: string, tenantId: string): DeployedProcess | undefined {
    const keys = this.definitionsById.keys(byTenantAndId(tenantId, bpmnProcessId));
    for (let i = keys.length - 1; i >= 0; i--) {
      const definition = this.definitions.get(keys[i]!);
      if (definition?.state === 'ACTIVE') return this.withModel(definition);
    }
    return undefined;
  }

  /** The latest version ever deployed, deleted or not (new versions continue after it). */
  getLatestVersionRow(bpmnProcessId: string, tenantId: string): ProcessDefinition | undefined {
    const keys = this.definitionsById.keys(byTenantAndId(tenantId, bpmnProcessId));
    const last = keys[keys.length - 1];
    return last === undefined ? undefined : this.definitions.get(last);
  }

  getProcessByVersion(
    bpmnProcessId: string,
    version: number,
    tenantId: string,
  ): DeployedProcess | undefined {
    for (const key of this.definitionsById.iterate(byTenantAndId(tenantId, bpmnProcessId))) {
      const definition = this.definitions.get(key);
      if (definition?.version === version && definition.state === 'ACTIVE') {
        return this.withModel(definition);
      }
    }
    return undefined;
  }

  /** The version of a process deployed in the given deployment (bindingType deployment). */
  getProcessInDeployment(
    bpmnProcessId: string,
    deploymentKey: string,
    tenantId: string,
  ): DeployedProcess | undefined {
    for (const key of this.definitionsById.iterate(byTenantAndId(tenantId, bpmnProcessId))) {
      const definition = this.definitions.get(key);
      if (definition?.deploymentKey === deploymentKey && definition.state === 'ACTIVE') {
        return this.withModel(definition);
      }
    }
    return undefined;
  }

  /** The latest version annotated with zeebe:versionTag `versionTag` (bindingType versionTag). */
  getLatestProcessWithVersionTag(
    bpmnProcessId: string,
    versionTag: string,
    tenantId: string,
  ): DeployedProcess | undefined {
    const keys = this.definitionsById.keys(byTenantAndId(tenantId, bpmnProcessId));
    for (let i = keys.length - 1; i >= 0; i--) {
      const definition = this.definitions.get(keys[i]!);
      if (definition?.state !== 'ACTIVE') continue;
      if (this.models.get(definition.key)?.versionTag === versionTag) {
        return this.withModel(definition);
      }
    }
    return undefined;
  }

  /** The version of a form deployed in the given deployment (bindingType deployment). */
  getFormInDeployment(
    formId: string,
    deploymentKey: string,
    tenantId: string,
  ): FormDefinition | undefined {
    for (const key of this.formsById.iterate(byTenantAndId(tenantId, formId))) {
      const form = this.forms.get(key);
      if (form?.deploymentKey === deploymentKey && form.state === 'ACTIVE') return form;
    }
    return undefined;
  }

  /** The latest version of a form with the given `versionTag` (bindingType versionTag). */
  getLatestFormWithVersionTag(
    formId: string,
    versionTag: string,
    tenantId: string,
  ): FormDefinition | undefined {
    const keys = this.formsById.keys(byTenantAndId(tenantId, formId));
    for (let i = keys.length - 1; i >= 0; i--) {
      const form = this.forms.get(keys[i]!);
      if (form?.state === 'ACTIVE' && form.versionTag === versionTag) return form;
    }
    return undefined;
  }

  getLatestForm(formId: string, tenantId: string): FormDefinition | undefined {
    const keys = this.formsById.keys(byTenantAndId(tenantId, formId));
    for (let i = keys.length - 1; i >= 0; i--) {
      const form = this.forms.get(keys[i]!);
      if (form?.state === 'ACTIVE') return form;
    }
    return undefined;
  }

  getLatestFormVersionRow(formId: string, tenantId: string): FormDefinition | undefined {
    const keys = this.formsById.keys(byTenantAndId(tenantId, formId));
    const last = keys[keys.length - 1];
    return last === undefined ? undefined : this.forms.get(last);
  }

  private withModel(definition: ProcessDefinition): DeployedProcess | undefined {
    const process = this.models.get(definition.key);
    return process ? { ...definition, process } : undefined;
  }

  // ---- changes (appliers only) ---------------------------------------------------------------

  putProcess(definition: ProcessDefinition, process: ExecutableProcess): void {
    this.definitions.put(definition);
    this.setModel(definition.key, process);
  }

  /** At start: the parsed model of a loaded definition. */
  setModel(key: string, process: ExecutableProcess): void {
    const previous = this.models.get(key);
    this.models.set(key, process);
    this.journal.record(() => {
      if (previous) this.models.set(key, previous);
      else this.models.delete(key);
    });
  }

  tables(): StoredTable[] {
    return [this.definitions, this.forms, this.deployments, this.resources];
  }

  clearModels(): void {
    this.models.clear();
  }
}
