/** Appliers of DEPLOYMENT, PROCESS and FORM events. */
import type { ExecutableProcess } from '../../model/types';
import type { Resource } from '../ProcessState';
import type { DeploymentValue, FormValue, ProcessValue } from '../protocol/values';
import type { Applier } from './Applier';

export interface DeploymentCreatedValue extends Omit<DeploymentValue, 'resources'> {
  /** New resources only (duplicates are not stored again), with their content. */
  resources: {
    resourceKey: string;
    resourceName: string;
    resourceType: Resource['resourceType'];
    checksum: string;
    resource: string;
  }[];
}

export const deploymentCreated: Applier<DeploymentCreatedValue> = (state, key, value, record) => {
  state.processes.deployments.put({ key, tenantId: value.tenantId, createdAt: record.timestamp });
  for (const resource of value.resources) {
    state.processes.resources.put({
      key: resource.resourceKey,
      deploymentKey: key,
      tenantId: value.tenantId,
      resourceName: resource.resourceName,
      resourceType: resource.resourceType,
      checksum: resource.checksum,
      content: resource.resource,
    });
  }
};

export const processCreated: Applier<ProcessValue & { resourceKey: string }> = (
  state,
  key,
  value,
  _record,
  attachment,
) => {
  state.processes.putProcess(
    {
      key,
      bpmnProcessId: value.bpmnProcessId,
      version: value.version,
      tenantId: value.tenantId,
      resourceKey: value.resourceKey,
      resourceName: value.resourceName,
      checksum: value.checksum,
      deploymentKey: value.deploymentKey,
      state: 'ACTIVE',
    },
    attachment as ExecutableProcess,
  );
};

export const processDeleted: Applier<ProcessValue> = (state, key) => {
  const definition = state.processes.definitions.get(key);
  if (definition) state.processes.definitions.put({ ...definition, state: 'DELETED' });
};

export const formCreated: Applier<FormValue & { resourceKey: string }> = (state, key, value) => {
  state.processes.forms.put({
    key,
    formId: value.formId,
    // records written before forms kept their version tag have none
    versionTag: value.versionTag ?? '',
    version: value.version,
    tenantId: value.tenantId,
    resourceKey: value.resourceKey,
    resourceName: value.resourceName,
    checksum: value.checksum,
    deploymentKey: value.deploymentKey,
    state: 'ACTIVE',
  });
};

export const formDeleted: Applier<FormValue> = (state, key) => {
  const form = state.processes.forms.get(key);
  if (form) state.processes.forms.put({ ...form, state: 'DELETED' });
};
