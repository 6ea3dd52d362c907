/**
 * Versions of a .form resource (Zeebe's FormResourceTransformer), per form id and tenant: a
 * duplicate when the latest version has the same checksum and resource name and is not deleted,
 * otherwise the next version. Step 2 also gives a duplicate a new version when anything else in
 * the deployment is new (Zeebe 8.6 versions a deployment's resources together).
 */
import type { FormMetadataValue, FormValue } from '../../state/protocol/values';
import type { DeploymentBuilder, WriteRecords } from './DeploymentBuilder';
import type { ParsedResource } from './parseResources';

type FormResource = Extract<ParsedResource, { type: 'form' }>;

export function createFormMetadata(
  resource: FormResource,
  deployment: DeploymentBuilder,
): WriteRecords {
  const tenantId = deployment.tenantId;
  const forms = deployment.state.processes;
  const latest = forms.getLatestFormVersionRow(resource.formId, tenantId);
  const duplicate =
    latest !== undefined &&
    latest.state === 'ACTIVE' &&
    latest.checksum === resource.checksum &&
    latest.resourceName === resource.name;
  const metadata: FormMetadataValue = {
    formId: resource.formId,
    versionTag: resource.versionTag,
    version: duplicate ? latest.version : (latest?.version ?? 0) + 1,
    formKey: duplicate ? latest.key : deployment.nextKey(),
    resourceName: resource.name,
    checksum: resource.checksum,
    isDuplicate: duplicate,
    tenantId,
    deploymentKey: duplicate ? latest.deploymentKey : deployment.key,
  };
  deployment.forms.push(metadata);

  return () => {
    if (metadata.isDuplicate) {
      const highest = forms.getLatestFormVersionRow(resource.formId, tenantId);
      metadata.formKey = deployment.nextKey();
      metadata.version = (highest?.version ?? 0) + 1;
      metadata.isDuplicate = false;
      metadata.deploymentKey = deployment.key;
    }
    const { isDuplicate: _duplicate, ...fields } = metadata;
    const value: FormValue & { resourceKey: string } = {
      ...fields,
      resource: resource.content,
      resourceKey: deployment.resourceKey(resource),
    };
    deployment.appendCreated(metadata.formKey, 'FORM', value);
  };
}
