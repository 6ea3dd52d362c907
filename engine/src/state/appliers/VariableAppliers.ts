/** Appliers of VARIABLE events. */
import type { VariableValue } from '../protocol/values';
import type { Applier } from './Applier';

export const variableSet: Applier<VariableValue> = (state, key, value) => {
  state.variables.variables.put({
    key,
    scopeKey: value.scopeKey,
    name: value.name,
    value: JSON.parse(value.value) as unknown,
    processInstanceKey: value.processInstanceKey,
    processDefinitionKey: value.processDefinitionKey,
    bpmnProcessId: value.bpmnProcessId,
    tenantId: value.tenantId,
  });
};
