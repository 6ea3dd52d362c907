/**
 * Joining inclusive gateways (Zeebe 8.6's ProcessInstanceStateTransitionGuard and
 * BpmnInclusiveGatewayBehavior): a token that arrives activates the gateway when every incoming
 * flow was taken, or when no active element and no token in flight of the flow scope has a path
 * to the gateway any more (paths through flows already taken into the gateway do not count;
 * boundary events and link events do). Otherwise its ACTIVATE_ELEMENT is rejected and the token
 * waits; the container re-checks waiting joins when one of its paths ends (Zeebe checks only
 * when a token arrives).
 */
import type { ExecutableFlowNode, ExecutableProcess } from '../../../model/types';
import type { EngineState } from '../../../state/EngineState';
import type { ProcessInstanceValue } from '../../../state/protocol/values';
import type { Writers } from '../../Writers';
import { childValue, type BpmnElementContext } from '../BpmnElementContext';

export class BpmnInclusiveGatewayBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
  ) {}

  static isJoin(element: ExecutableFlowNode): boolean {
    return element.elementType === 'INCLUSIVE_GATEWAY' && element.incoming.length > 1;
  }

  /** Why the joining gateway cannot be activated now (Zeebe's rejection text), or undefined. */
  checkActivation(gateway: ExecutableFlowNode, flowScopeKey: string): string | undefined {
    if (!BpmnInclusiveGatewayBehavior.isJoin(gateway)) return undefined;
    const scope = this.state.elementInstances.get(flowScopeKey);
    const process = scope ? this.state.processes.getModel(scope.processDefinitionKey) : undefined;
    if (!scope || !process) return undefined;
    const taken = takenFlowIds(scope.runtime.takenFlows?.[gateway.id]);
    if (taken.size >= gateway.incoming.length) return undefined;
    if (taken.size === 0) {
      return `Expected to be able to activate inclusive gateway '${gateway.id}', but the inclusive gateway way already activated.`;
    }
    if (this.hasActivePathToGateway(process, flowScopeKey, gateway.id, taken)) {
      return `Expected to be able to activate inclusive gateway '${gateway.id}', but not all satisfied sequence flows have been taken.`;
    }
    return undefined;
  }

  /** After a path of the scope ended: activates the waiting joins that can go on now. */
  activateReadyJoins(scope: BpmnElementContext): void {
    const instance = this.state.elementInstances.get(scope.key);
    if (instance?.state !== 'ELEMENT_ACTIVATED' || !instance.runtime.takenFlows) return;
    const process = this.state.processes.getModel(instance.processDefinitionKey);
    for (const [gatewayId, flows] of Object.entries(instance.runtime.takenFlows)) {
      const gateway = process?.elements.get(gatewayId);
      if (!gateway || !BpmnInclusiveGatewayBehavior.isJoin(gateway)) continue;
      if (takenFlowIds(flows).size === 0 || this.activationPending(scope.key, gatewayId)) continue;
      if (this.checkActivation(gateway, scope.key) !== undefined) continue;
      this.writers.appendFollowUpCommand(
        this.state.keys.nextKey(),
        'PROCESS_INSTANCE',
        'ACTIVATE_ELEMENT',
        childValue(scope, gateway),
      );
    }
  }

  private hasActivePathToGateway(
    process: ExecutableProcess,
    flowScopeKey: string,
    gatewayId: string,
    taken: Set<string>,
  ): boolean {
    const sources = new Set<string>();
    for (const childKey of this.state.elementInstances.childKeys(flowScopeKey)) {
      const child = this.state.elementInstances.get(childKey);
      if (child && child.elementId !== gatewayId) sources.add(child.elementId);
    }
    // tokens in flight: activations not processed yet, tokens waiting at other joins
    for (const value of this.pendingActivations(flowScopeKey)) {
      if (value.elementId !== gatewayId) sources.add(value.elementId);
    }
    const scope = this.state.elementInstances.get(flowScopeKey);
    for (const joinId of Object.keys(scope?.runtime.takenFlows ?? {})) {
      if (joinId !== gatewayId) sources.add(joinId);
    }
    for (const source of sources) {
      if (hasPath(process, source, gatewayId, taken)) return true;
    }
    return false;
  }

  private activationPending(flowScopeKey: string, elementId: string): boolean {
    return this.pendingActivations(flowScopeKey).some((value) => value.elementId === elementId);
  }

  private pendingActivations(flowScopeKey: string): ProcessInstanceValue[] {
    return this.writers
      .pendingFollowUps()
      .filter((c) => c.valueType === 'PROCESS_INSTANCE' && c.intent === 'ACTIVATE_ELEMENT')
      .map((c) => c.value as ProcessInstanceValue)
      .filter((value) => value.flowScopeKey === flowScopeKey);
  }
}

function takenFlowIds(flows: Record<string, number> | undefined): Set<string> {
  return new Set(Object.keys(flows ?? {}).filter((id) => (flows?.[id] ?? 0) > 0));
}

/** Breadth-first from `sourceId` along outgoing flows (not the ones already taken into the gateway). */
function hasPath(
  process: ExecutableProcess,
  sourceId: string,
  gatewayId: string,
  taken: Set<string>,
): boolean {
  const visited = new Set<string>();
  const queue = [sourceId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (id === gatewayId) return true;
    if (visited.has(id)) continue;
    visited.add(id);
    const element = process.elements.get(id);
    if (!element) continue;
    if (element.link?.targetId !== undefined) queue.push(element.link.targetId);
    for (const flowId of element.outgoing) {
      const flow = process.flows.get(flowId);
      if (flow && !taken.has(flowId) && !visited.has(flow.targetId)) queue.push(flow.targetId);
    }
    for (const boundaryId of element.boundaryEventIds) {
      if (!visited.has(boundaryId)) queue.push(boundaryId);
    }
  }
  return false;
}
