/**
 * Versions of the decision requirements graph (DRG) of a .dmn resource and of its decisions
 * (Zeebe's DmnResourceTransformer), per tenant:
 *
 * - the DRG is a duplicate when its latest version (not deleted) has the same resource name and
 *   checksum and is still the DRG of the latest version of each of its decisions; otherwise it
 *   is the next version;
 * - a decision has its own version counter: it keeps its latest version when that belongs to
 *   the DRG version deployed now (a duplicate DRG), otherwise it gets the next one.
 *
 * Step 2 also gives a duplicate DRG and its decisions new versions when anything else in the
 * deployment is new (Zeebe 8.6 versions a deployment's resources together). As in Zeebe, the next
 * version follows the latest one in the state: after a DRG was deleted, its version may recur.
 */
import type {
  DecisionMetadataValue,
  DecisionRequirementsMetadataValue,
  DecisionRequirementsValue,
  DecisionValue,
} from '../../state/protocol/values';
import type { DeploymentBuilder, WriteRecords } from './DeploymentBuilder';
import type { ParsedResource } from './parseResources';

type DmnResource = Extract<ParsedResource, { type: 'dmn' }>;

export function createDecisionMetadata(
  resource: DmnResource,
  deployment: DeploymentBuilder,
): WriteRecords {
  const state = deployment.state.decisions;
  const tenantId = deployment.tenantId;
  const drg = resource.drg;

  const latest = state.getLatestDecisionRequirements(drg.id, tenantId);
  const duplicate =
    latest !== undefined &&
    latest.resourceName === resource.name &&
    latest.checksum === resource.checksum &&
    drg.decisions.every(
      (decision) =>
        state.getLatestDecision(decision.id, tenantId)?.decisionRequirementsKey === latest.key,
    );
  const drgMetadata: DecisionRequirementsMetadataValue = {
    decisionRequirementsId: drg.id,
    decisionRequirementsName: drg.name,
    decisionRequirementsVersion: duplicate ? latest.version : (latest?.version ?? 0) + 1,
    decisionRequirementsKey: duplicate ? latest.key : deployment.nextKey(),
    namespace: drg.namespace,
    resourceName: resource.name,
    checksum: resource.checksum,
    isDuplicate: duplicate,
    tenantId,
    deploymentKey: duplicate ? latest.deploymentKey : deployment.key,
  };
  deployment.decisionRequirements.push(drgMetadata);

  const decisions = drg.decisions.map((decision) => {
    const latestDecision = state.getLatestDecision(decision.id, tenantId);
    const unchanged =
      latestDecision !== undefined &&
      latestDecision.decisionRequirementsKey === drgMetadata.decisionRequirementsKey;
    const metadata: DecisionMetadataValue = {
      decisionId: decision.id,
      decisionName: decision.name,
      version: unchanged ? latestDecision.version : (latestDecision?.version ?? 0) + 1,
      decisionKey: unchanged ? latestDecision.key : deployment.nextKey(),
      decisionRequirementsId: drg.id,
      decisionRequirementsKey: drgMetadata.decisionRequirementsKey,
      tenantId,
      deploymentKey: unchanged ? latestDecision.deploymentKey : deployment.key,
      isDuplicate: unchanged,
    };
    deployment.decisions.push(metadata);
    return metadata;
  });

  return () => {
    if (drgMetadata.isDuplicate) {
      drgMetadata.decisionRequirementsKey = deployment.nextKey();
      drgMetadata.decisionRequirementsVersion += 1;
      drgMetadata.isDuplicate = false;
      drgMetadata.deploymentKey = deployment.key;
    }
    const { isDuplicate: _drgDuplicate, ...drgFields } = drgMetadata;
    const drgValue: DecisionRequirementsValue & { resourceKey: string } = {
      ...drgFields,
      resource: resource.content,
      resourceKey: deployment.resourceKey(resource),
    };
    deployment.appendCreated(
      drgMetadata.decisionRequirementsKey,
      'DECISION_REQUIREMENTS',
      drgValue,
      drg.executable,
    );

    for (const metadata of decisions) {
      if (metadata.isDuplicate) {
        metadata.decisionKey = deployment.nextKey();
        metadata.decisionRequirementsKey = drgMetadata.decisionRequirementsKey;
        metadata.version += 1;
        metadata.isDuplicate = false;
        metadata.deploymentKey = deployment.key;
      }
      const { isDuplicate: _duplicate, ...value } = metadata;
      deployment.appendCreated(metadata.decisionKey, 'DECISION', value satisfies DecisionValue);
    }
  };
}
