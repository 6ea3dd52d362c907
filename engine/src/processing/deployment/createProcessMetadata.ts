/**
 * Versions of the processes of a .bpmn resource (Zeebe's BpmnResourceTransformer): a process is
 * a duplicate when its latest version has the same checksum and resource name and is not
 * deleted; otherwise it is the next version. Step 2 also gives duplicates a new version, because
 * Zeebe 8.6 versions all resources of a deployment together when one of them changed.
 */
import type { ProcessMetadataValue, ProcessValue } from '../../state/protocol/values';
import type { DeploymentBuilder, WriteRecords } from './DeploymentBuilder';
import type { ParsedResource } from './parseResources';

type BpmnResource = Extract<ParsedResource, { type: 'bpmn' }>;

export function createProcessMetadata(
  resource: BpmnResource,
  deployment: DeploymentBuilder,
): WriteRecords {
  const tenantId = deployment.tenantId;
  const planned = resource.processes.map((process) => {
    const latest = deployment.state.processes.getLatestVersionRow(process.bpmnProcessId, tenantId);
    const duplicate =
      latest !== undefined &&
      latest.state === 'ACTIVE' &&
      latest.checksum === resource.checksum &&
      latest.resourceName === resource.name;
    const metadata: ProcessMetadataValue = {
      bpmnProcessId: process.bpmnProcessId,
      version: duplicate ? latest.version : (latest?.version ?? 0) + 1,
      processDefinitionKey: duplicate ? latest.key : deployment.nextKey(),
      resourceName: resource.name,
      checksum: resource.checksum,
      isDuplicate: duplicate,
      tenantId,
      deploymentKey: duplicate ? latest.deploymentKey : deployment.key,
    };
    deployment.processes.push(metadata);
    return { process, metadata };
  });

  return () => {
    for (const { process, metadata } of planned) {
      if (metadata.isDuplicate) {
        const latest = deployment.state.processes.getLatestVersionRow(
          metadata.bpmnProcessId,
          tenantId,
        );
        metadata.processDefinitionKey = deployment.nextKey();
        metadata.version = (latest?.version ?? 0) + 1;
        metadata.isDuplicate = false;
        metadata.deploymentKey = deployment.key;
      }
      const value: ProcessValue & { resourceKey: string } = {
        bpmnProcessId: metadata.bpmnProcessId,
        version: metadata.version,
        processDefinitionKey: metadata.processDefinitionKey,
        resourceName: resource.name,
        checksum: resource.checksum,
        resource: resource.content,
        tenantId,
        deploymentKey: deployment.key,
        versionTag: process.versionTag ?? '',
        resourceKey: deployment.resourceKey(resource),
      };
      deployment.appendCreated(metadata.processDefinitionKey, 'PROCESS', value, process);
    }
  };
}
