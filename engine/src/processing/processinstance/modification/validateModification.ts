/**
 * The checks of a PROCESS_INSTANCE_MODIFICATION MODIFY command before anything changes, in
 * Zeebe's order and with its texts (ProcessInstanceModificationModifyProcessor#validateCommand).
 * Every failure is INVALID_ARGUMENT.
 */
import type { ExecutableFlowNode, ExecutableProcess } from '../../../model/types';
import type { EngineState } from '../../../state/EngineState';
import type { ProcessInstanceModificationValue } from '../../../state/protocol/values';
import type { Outcome } from './ElementActivationBehavior';

/** Zeebe's BpmnElementType in declaration order (Java prints EnumSets in this order). */
const ELEMENT_TYPES = [
  'PROCESS',
  'SUB_PROCESS',
  'EVENT_SUB_PROCESS',
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
  'SERVICE_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'TASK',
  'EXCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'EVENT_BASED_GATEWAY',
  'SEQUENCE_FLOW',
  'MULTI_INSTANCE_BODY',
  'CALL_ACTIVITY',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'SEND_TASK',
  'INCLUSIVE_GATEWAY',
];
const UNSUPPORTED_TYPES = new Set([
  'UNSPECIFIED',
  'START_EVENT',
  'SEQUENCE_FLOW',
  'BOUNDARY_EVENT',
]);
const SUPPORTED_TYPES = `[${ELEMENT_TYPES.filter((t) => !UNSUPPORTED_TYPES.has(t)).join(', ')}]`;

type Check = () => string | undefined;

export function validateModification(
  state: EngineState,
  process: ExecutableProcess,
  value: ProcessInstanceModificationValue,
): Outcome<void> {
  const processId = process.bpmnProcessId;
  const prefix = `Expected to modify instance of process '${processId}' but it contains one or more`;
  const activations = value.activateInstructions;
  const ids = unique(activations.map((i) => i.elementId));
  const typeOf = (id: string) =>
    process.elements.get(id)?.elementType ?? (process.flows.has(id) ? 'SEQUENCE_FLOW' : undefined);
  const element = (id: string) => process.elements.get(id);
  const checks: Check[] = [
    () => {
      const unknown = ids.filter((id) => typeOf(id) === undefined);
      if (unknown.length === 0) return undefined;
      return `${prefix} activate instructions with an element that could not be found: '${unknown.join("', '")}'`;
    },
    () => {
      const targets = new Set(
        [...process.elements.values()].flatMap((e) => e.eventBasedTargets ?? []),
      );
      const connected = ids.filter((id) => targets.has(id));
      if (connected.length === 0) return undefined;
      return `${prefix} activate instructions for elements that are unsupported: '${connected.join("', '")}'. The activation of events belonging to an event-based gateway is not supported.`;
    },
    () => {
      const unsupported = ids.filter((id) => UNSUPPORTED_TYPES.has(typeOf(id) ?? ''));
      if (unsupported.length === 0) return undefined;
      const types = unique(unsupported.map((id) => typeOf(id) ?? ''));
      return `${prefix} activate instructions for elements that are unsupported: '${unsupported.join("', '")}'. The activation of elements with type '${types.join("', '")}' is not supported. Supported element types are: ${SUPPORTED_TYPES}.`;
    },
    () => {
      const unknown = unique(value.terminateInstructions.map((i) => i.elementInstanceKey)).filter(
        (key) => state.elementInstances.get(key)?.processInstanceKey !== value.processInstanceKey,
      );
      if (unknown.length === 0) return undefined;
      return `${prefix} terminate instructions with an element instance that could not be found: '${unknown.join("', '")}'`;
    },
    () => {
      const scopeIds = activations.flatMap((i) => i.variableInstructions.map((v) => v.elementId));
      const unknown = unique(scopeIds.filter((id) => id !== '' && !process.elements.has(id)));
      if (unknown.length === 0) return undefined;
      return `${prefix} variable instructions with a scope element id that could not be found: '${unknown.join("', '")}'`;
    },
    () => {
      const outside = activations.some((i) =>
        i.variableInstructions.some(
          ({ elementId }) =>
            elementId !== '' &&
            elementId !== i.elementId &&
            !isFlowScopeOf(process, element(i.elementId), elementId),
        ),
      );
      if (!outside) return undefined;
      return `${prefix} variable instructions with a scope element that doesn't belong to the activating element's flow scope. These variables should be set before or after the modification.`;
    },
    ...ancestorChecks(state, process, value, prefix),
  ];
  for (const check of checks) {
    const reason = check();
    if (reason !== undefined) return { ok: false, reason };
  }
  return { ok: true, value: undefined };
}

function ancestorChecks(
  state: EngineState,
  process: ExecutableProcess,
  value: ProcessInstanceModificationValue,
  prefix: string,
): Check[] {
  const selected = value.activateInstructions.filter((i) => isSelectedAncestor(i.ancestorScopeKey));
  const keys = unique(selected.map((i) => i.ancestorScopeKey));
  const instance = (key: string) => state.elementInstances.get(key);
  return [
    () => {
      const invalid = keys.filter((key) => instance(key)?.state !== 'ELEMENT_ACTIVATED');
      if (invalid.length === 0) return undefined;
      return `${prefix} activate instructions with an ancestor scope key that does not exist, or is not in an active state: '${invalid.join("', '")}'`;
    },
    () => {
      const foreign = keys.filter(
        (key) => instance(key)?.processInstanceKey !== value.processInstanceKey,
      );
      if (foreign.length === 0) return undefined;
      return `${prefix} activate instructions with an ancestor scope key that does not belong to the modified process instance: '${foreign.join("', '")}'`;
    },
    () => {
      const lines = selected
        .map((i) => ({
          key: i.ancestorScopeKey,
          ancestorId: instance(i.ancestorScopeKey)?.elementId,
          elementId: i.elementId,
        }))
        .filter(
          (d) =>
            d.ancestorId !== undefined &&
            !isFlowScopeOf(process, process.elements.get(d.elementId), d.ancestorId),
        )
        .map(
          (d) =>
            `\n- instance '${d.key}' of element '${d.ancestorId}' is not an ancestor of element '${d.elementId}'`,
        );
      if (lines.length === 0) return undefined;
      return `${prefix} activate instructions with an ancestor scope key that is not an ancestor of the element to activate:${lines.join('')}`;
    },
  ];
}

/** Whether `scopeId` is a direct or indirect flow scope of `element` (the process included). */
function isFlowScopeOf(
  process: ExecutableProcess,
  element: ExecutableFlowNode | undefined,
  scopeId: string,
): boolean {
  let scope = element ? process.elements.get(element.flowScopeId) : undefined;
  while (scope) {
    if (scope.id === scopeId) return true;
    scope = scope.elementType === 'PROCESS' ? undefined : process.elements.get(scope.flowScopeId);
  }
  return false;
}

/** An ancestor key greater than 0 selects a flow scope instance (-1, 0: none). */
export function isSelectedAncestor(key: string): boolean {
  return /^[1-9]\d*$/.test(key);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
