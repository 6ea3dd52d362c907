/**
 * DEPLOYMENT CREATE: new versions for processes and forms whose content changed (Zeebe compares
 * the checksum and resource name with the latest version), the latest version again for
 * unchanged ones. Writes PROCESS/FORM CREATED for new versions and DEPLOYMENT CREATED.
 */
import type { DeploymentResult, FormMetadata, ProcessMetadata } from '../../api';
import type { ExecutableProcess } from '../../model/types';
import type { DeploymentCreatedValue } from '../../state/appliers/DeploymentAppliers';
import type { FormValue, ProcessValue } from '../../state/protocol/values';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import type { ParsedDeployment, ParsedResource } from './parseResources';

export interface DeploymentCommandValue {
  resources: { resourceName: string }[];
  tenantId: string;
}

export class DeploymentCreateProcessor implements CommandProcessor<DeploymentCommandValue> {
  process(command: TypedCommand<DeploymentCommandValue>, ctx: ProcessingContext): void {
    const parsed = command.attachment as ParsedDeployment;
    if (!parsed.ok) return ctx.reject('INVALID_ARGUMENT', parsed.message);
    const tenantId = command.value.tenantId;
    const state = ctx.state;
    const deploymentKey = state.keys.nextKey();
    const result: DeploymentResult = {
      key: deploymentKey,
      tenantId,
      processes: [],
      decisions: [],
      decisionRequirements: [],
      forms: [],
    };
    const created: DeploymentCreatedValue = { deploymentKey, tenantId, resources: [] };
    for (const resource of parsed.resources) {
      let resourceKey: string | undefined;
      const newResourceKey = () => {
        if (resourceKey === undefined) {
          resourceKey = state.keys.nextKey();
          created.resources.push({
            resourceKey,
            resourceName: resource.name,
            resourceType: resource.type,
            checksum: resource.checksum,
            resource: resource.content,
          });
        }
        return resourceKey;
      };
      if (resource.type === 'bpmn') {
        for (const process of resource.processes) {
          result.processes.push(
            this.deployProcess(ctx, resource, process, tenantId, deploymentKey, newResourceKey),
          );
        }
      } else {
        result.forms.push(this.deployForm(ctx, resource, tenantId, deploymentKey, newResourceKey));
      }
    }
    ctx.writers.appendEvent(deploymentKey, 'DEPLOYMENT', 'CREATED', {
      ...created,
      processesMetadata: result.processes,
      formMetadata: result.forms,
      decisionsMetadata: [],
      decisionRequirementsMetadata: [],
    });
    ctx.respond(result);
  }

  private deployProcess(
    ctx: ProcessingContext,
    resource: Extract<ParsedResource, { type: 'bpmn' }>,
    process: ExecutableProcess,
    tenantId: string,
    deploymentKey: string,
    resourceKey: () => string,
  ): ProcessMetadata {
    const latest = ctx.state.processes.getLatestVersionRow(process.bpmnProcessId, tenantId);
    if (
      latest &&
      latest.state === 'ACTIVE' &&
      latest.checksum === resource.checksum &&
      latest.resourceName === resource.name
    ) {
      return {
        bpmnProcessId: latest.bpmnProcessId,
        version: latest.version,
        processDefinitionKey: latest.key,
        resourceName: latest.resourceName,
        tenantId,
      };
    }
    const key = ctx.state.keys.nextKey();
    const value: ProcessValue & { resourceKey: string } = {
      bpmnProcessId: process.bpmnProcessId,
      version: (latest?.version ?? 0) + 1,
      processDefinitionKey: key,
      resourceName: resource.name,
      checksum: resource.checksum,
      resource: resource.content,
      tenantId,
      deploymentKey,
      versionTag: process.versionTag ?? '',
      resourceKey: resourceKey(),
    };
    ctx.writers.appendEvent(key, 'PROCESS', 'CREATED', value, process);
    return {
      bpmnProcessId: value.bpmnProcessId,
      version: value.version,
      processDefinitionKey: key,
      resourceName: resource.name,
      tenantId,
    };
  }

  private deployForm(
    ctx: ProcessingContext,
    resource: Extract<ParsedResource, { type: 'form' }>,
    tenantId: string,
    deploymentKey: string,
    resourceKey: () => string,
  ): FormMetadata {
    const latest = ctx.state.processes.getLatestFormVersionRow(resource.formId, tenantId);
    if (
      latest &&
      latest.state === 'ACTIVE' &&
      latest.checksum === resource.checksum &&
      latest.resourceName === resource.name
    ) {
      return {
        formId: latest.formId,
        version: latest.version,
        formKey: latest.key,
        resourceName: latest.resourceName,
        tenantId,
      };
    }
    const key = ctx.state.keys.nextKey();
    const value: FormValue & { resourceKey: string } = {
      formId: resource.formId,
      version: (latest?.version ?? 0) + 1,
      formKey: key,
      resourceName: resource.name,
      checksum: resource.checksum,
      resource: resource.content,
      tenantId,
      deploymentKey,
      resourceKey: resourceKey(),
    };
    ctx.writers.appendEvent(key, 'FORM', 'CREATED', value);
    return {
      formId: value.formId,
      version: value.version,
      formKey: key,
      resourceName: resource.name,
      tenantId,
    };
  }
}
