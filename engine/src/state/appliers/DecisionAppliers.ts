/** Appliers of DECISION_REQUIREMENTS and DECISION events (deployed DMN). */
import type { ExecutableDrg } from '../../dmn';
import type { DecisionRequirementsValue, DecisionValue } from '../protocol/values';
import type { Applier } from './Applier';

export const decisionRequirementsCreated: Applier<
  DecisionRequirementsValue & { resourceKey: string }
> = (state, key, value, _record, attachment) => {
  state.decisions.decisionRequirements.put({
    key,
    decisionRequirementsId: value.decisionRequirementsId,
    name: value.decisionRequirementsName,
    version: value.decisionRequirementsVersion,
    tenantId: value.tenantId,
    namespace: value.namespace,
    resourceKey: value.resourceKey,
    resourceName: value.resourceName,
    checksum: value.checksum,
    deploymentKey: value.deploymentKey,
  });
  // the executable model, parsed at deployment (absent when the log is replayed without it)
  if (attachment) state.decisions.setModel(key, attachment as ExecutableDrg);
};

export const decisionRequirementsDeleted: Applier<DecisionRequirementsValue> = (state, key) => {
  state.decisions.decisionRequirements.delete(key);
};

export const decisionCreated: Applier<DecisionValue> = (state, key, value) => {
  state.decisions.decisions.put({
    key,
    decisionId: value.decisionId,
    name: value.decisionName,
    version: value.version,
    tenantId: value.tenantId,
    decisionRequirementsKey: value.decisionRequirementsKey,
    decisionRequirementsId: value.decisionRequirementsId,
    deploymentKey: value.deploymentKey,
  });
};

export const decisionDeleted: Applier<DecisionValue> = (state, key) => {
  state.decisions.decisions.delete(key);
};
