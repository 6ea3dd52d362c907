/**
 * What an element instance's start and end change on the instance above it, for the two
 * containers that keep books on their children (Zeebe's ProcessInstanceElementActivatingApplier
 * and ProcessInstanceElementCompletedApplier / …TerminatedApplier):
 *
 * - a multi-instance body counts its inner instances and numbers them (loop counter, from 1);
 * - a call activity remembers the process instance it created, and when that one completes,
 *   receives its variables as an event trigger (if it propagates them or has output mappings).
 *
 * Called by the PROCESS_INSTANCE appliers (ProcessInstanceAppliers.ts).
 */
import type { EngineState } from '../EngineState';
import type { ProcessInstanceValue } from '../protocol/values';

/** ELEMENT_ACTIVATING of `key` (the new instance is already in the state). */
export function onChildActivating(
  state: EngineState,
  key: string,
  value: ProcessInstanceValue,
): void {
  const instances = state.elementInstances.instances;
  if (value.bpmnElementType === 'PROCESS') {
    const parent = state.elementInstances.get(value.parentElementInstanceKey);
    if (parent) {
      instances.put({ ...parent, runtime: { ...parent.runtime, calledChildInstanceKey: key } });
    }
    return;
  }
  const body = state.elementInstances.get(value.flowScopeKey);
  const child = state.elementInstances.get(key);
  if (body?.elementType !== 'MULTI_INSTANCE_BODY' || !child) return;
  const loopCounter = (body.runtime.loopCounter ?? 0) + 1;
  instances.put({
    ...body,
    runtime: {
      ...body.runtime,
      loopCounter,
      numberOfInstances: (body.runtime.numberOfInstances ?? 0) + 1,
    },
  });
  instances.put({ ...child, runtime: { ...child.runtime, loopCounter } });
}

/** ELEMENT_COMPLETED / ELEMENT_TERMINATED of `key`, before its instance and variables go. */
export function onChildRemoved(
  state: EngineState,
  key: string,
  value: ProcessInstanceValue,
  final: 'COMPLETED' | 'TERMINATED',
): void {
  if (value.bpmnElementType === 'PROCESS') {
    if (final === 'COMPLETED') propagateChildVariables(state, key, value);
    return;
  }
  const body = state.elementInstances.get(value.flowScopeKey);
  if (body?.elementType !== 'MULTI_INSTANCE_BODY') return;
  const runtime = { ...body.runtime };
  if (final === 'COMPLETED') {
    runtime.numberOfCompletedInstances = (runtime.numberOfCompletedInstances ?? 0) + 1;
  } else {
    runtime.numberOfTerminatedInstances = (runtime.numberOfTerminatedInstances ?? 0) + 1;
  }
  state.elementInstances.instances.put({ ...body, runtime });
}

/** The variables of a completed child process instance travel to its call activity. */
function propagateChildVariables(
  state: EngineState,
  key: string,
  value: ProcessInstanceValue,
): void {
  const callActivity = state.elementInstances.get(value.parentElementInstanceKey);
  if (callActivity?.state !== 'ELEMENT_ACTIVATED') return;
  // an interrupting event got there first
  if (state.eventTriggers.get(callActivity.key)) return;
  const element = state.processes
    .getModel(callActivity.processDefinitionKey)
    ?.elements.get(callActivity.elementId);
  if (!element?.calledElement) return;
  if (element.outputMappings.length === 0 && !element.calledElement.propagateAllChildVariables) {
    return;
  }
  const variables: Record<string, unknown> = {};
  for (const variable of state.variables.getLocals(key)) variables[variable.name] = variable.value;
  state.eventTriggers.triggers.put({
    elementInstanceKey: callActivity.key,
    eventKey: callActivity.key,
    elementId: callActivity.elementId,
    variables,
    processInstanceKey: callActivity.processInstanceKey,
  });
}
