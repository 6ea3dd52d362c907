/** Appliers of PROCESS_INSTANCE events: element instance lifecycle and sequence flows. */
import type { ElementInstance, ElementInstanceLifecycle } from '../ElementInstanceState';
import type { EngineState } from '../EngineState';
import type { ProcessInstanceValue } from '../protocol/values';
import type { Applier } from './Applier';
import { onChildActivating, onChildRemoved } from './ParentScopeAppliers';

export const elementActivating: Applier<ProcessInstanceValue> = (state, key, value, record) => {
  const instance: ElementInstance = {
    key,
    processInstanceKey: value.processInstanceKey,
    flowScopeKey: value.flowScopeKey,
    elementId: value.elementId,
    elementType: value.bpmnElementType,
    eventType: value.bpmnEventType,
    state: 'ELEMENT_ACTIVATING',
    processDefinitionKey: value.processDefinitionKey,
    bpmnProcessId: value.bpmnProcessId,
    version: value.version,
    tenantId: value.tenantId,
    parentProcessInstanceKey: value.parentProcessInstanceKey,
    parentElementInstanceKey: value.parentElementInstanceKey,
    runtime: { activeFlows: 0 },
  };
  state.elementInstances.instances.put(instance);
  // a multi-instance body numbers its inner instances; a call activity links its child
  onChildActivating(state, key, value);
  if (value.bpmnElementType === 'PROCESS') {
    state.elementInstances.processInstances.put({
      key,
      bpmnProcessId: value.bpmnProcessId,
      processDefinitionKey: value.processDefinitionKey,
      version: value.version,
      tenantId: value.tenantId,
      state: 'ACTIVE',
      parentProcessInstanceKey: value.parentProcessInstanceKey,
      parentElementInstanceKey: value.parentElementInstanceKey,
      startDate: record.timestamp,
      endDate: null,
    });
    return;
  }
  consumeIncomingFlows(state, value, key);
};

/** The activated element took the token(s) of the sequence flow(s) that led to it. */
function consumeIncomingFlows(state: EngineState, value: ProcessInstanceValue, key: string): void {
  const flowScope = state.elementInstances.get(value.flowScopeKey);
  if (!flowScope) return;
  const element = state.processes
    .getModel(value.processDefinitionKey)
    ?.elements.get(value.elementId);
  const incoming = element?.incoming.length ?? 0;
  const runtime = { ...flowScope.runtime };
  if (runtime.interruptingKey === key) {
    // the interrupting event subprocess starts: every other token of its scope is gone
    runtime.activeFlows = 0;
    delete runtime.takenFlows;
    state.elementInstances.instances.put({ ...flowScope, runtime });
    return;
  }
  // a compensation boundary event is written activated and completed when its handler is
  // invoked: no trigger put a token in flight for it
  if (value.bpmnElementType === 'BOUNDARY_EVENT' && value.bpmnEventType === 'COMPENSATION') return;
  if (value.bpmnElementType === 'BOUNDARY_EVENT' || value.bpmnElementType === 'EVENT_SUB_PROCESS') {
    // a triggered boundary event or event subprocess took the token its trigger put in flight
    if (runtime.activeFlows > 0) runtime.activeFlows -= 1;
    state.elementInstances.instances.put({ ...flowScope, runtime });
    return;
  }
  if (incoming === 0) return;
  if (value.bpmnElementType === 'PARALLEL_GATEWAY' && incoming > 1) {
    runtime.activeFlows = Math.max(0, runtime.activeFlows - incoming);
    const taken = { ...(runtime.takenFlows?.[value.elementId] ?? {}) };
    for (const flowId of Object.keys(taken)) {
      const remaining = (taken[flowId] ?? 0) - 1;
      if (remaining > 0) taken[flowId] = remaining;
      else delete taken[flowId];
    }
    const takenFlows = { ...(runtime.takenFlows ?? {}) };
    if (Object.keys(taken).length > 0) takenFlows[value.elementId] = taken;
    else delete takenFlows[value.elementId];
    runtime.takenFlows = takenFlows;
  } else if (value.bpmnElementType === 'INCLUSIVE_GATEWAY' && incoming > 1) {
    // a joining inclusive gateway takes one token of each incoming flow that was taken
    const taken = { ...(runtime.takenFlows?.[value.elementId] ?? {}) };
    for (const flowId of Object.keys(taken)) {
      const remaining = (taken[flowId] ?? 0) - 1;
      if (runtime.activeFlows > 0) runtime.activeFlows -= 1;
      if (remaining > 0) taken[flowId] = remaining;
      else delete taken[flowId];
    }
    const takenFlows = { ...(runtime.takenFlows ?? {}) };
    if (Object.keys(taken).length > 0) takenFlows[value.elementId] = taken;
    else delete takenFlows[value.elementId];
    runtime.takenFlows = takenFlows;
  } else if (runtime.activeFlows > 0) {
    runtime.activeFlows -= 1;
  }
  state.elementInstances.instances.put({ ...flowScope, runtime });
}

function transitionTo(lifecycle: ElementInstanceLifecycle): Applier<ProcessInstanceValue> {
  return (state, key) => {
    const instance = state.elementInstances.get(key);
    if (instance) state.elementInstances.instances.put({ ...instance, state: lifecycle });
  };
}

export const elementActivated = transitionTo('ELEMENT_ACTIVATED');
export const elementCompleting = transitionTo('ELEMENT_COMPLETING');
export const elementTerminating = transitionTo('ELEMENT_TERMINATING');

function removeInstance(final: 'COMPLETED' | 'TERMINATED'): Applier<ProcessInstanceValue> {
  return (state, key, value, record) => {
    onChildRemoved(state, key, value, final);
    // an interrupting event subprocess that never started leaves its trigger behind
    const interruptingKey = state.elementInstances.get(key)?.runtime.interruptingKey;
    if (interruptingKey !== undefined) state.eventTriggers.triggers.delete(interruptingKey);
    state.elementInstances.instances.delete(key);
    for (const variableKey of state.variables.variableKeysOfScope(key)) {
      state.variables.variables.delete(variableKey);
    }
    state.eventTriggers.triggers.delete(key);
    if (value.bpmnElementType === 'PROCESS') {
      // a message with a correlation key may start the next instance now
      state.messageStarts.startedInstances.delete(key);
      const row = state.elementInstances.processInstances.get(key);
      if (row) {
        state.elementInstances.processInstances.put({
          ...row,
          state: final,
          endDate: record.timestamp,
        });
      }
    }
  };
}

export const elementCompleted = removeInstance('COMPLETED');
export const elementTerminated = removeInstance('TERMINATED');

export const sequenceFlowTaken: Applier<ProcessInstanceValue & { targetElementId?: string }> = (
  state,
  _key,
  value,
) => {
  const flowScope = state.elementInstances.get(value.flowScopeKey);
  if (!flowScope) return;
  const runtime = { ...flowScope.runtime, activeFlows: flowScope.runtime.activeFlows + 1 };
  const flow = state.processes.getModel(value.processDefinitionKey)?.flows.get(value.elementId);
  const target = flow
    ? state.processes.getModel(value.processDefinitionKey)?.elements.get(flow.targetId)
    : undefined;
  if (
    flow &&
    (target?.elementType === 'PARALLEL_GATEWAY' || target?.elementType === 'INCLUSIVE_GATEWAY') &&
    target.incoming.length > 1
  ) {
    const taken = { ...(runtime.takenFlows?.[target.id] ?? {}) };
    taken[flow.id] = (taken[flow.id] ?? 0) + 1;
    runtime.takenFlows = { ...(runtime.takenFlows ?? {}), [target.id]: taken };
  }
  state.elementInstances.instances.put({ ...flowScope, runtime });
};
