/**
 * Moves element instances through their lifecycle by writing PROCESS_INSTANCE events, takes
 * sequence flows, and activates, completes and terminates other instances through follow-up
 * commands (Zeebe's BpmnStateTransitionBehavior).
 */
import type { ExecutableFlowNode, ExecutableSequenceFlow } from '../../../model/types';
import type { EngineState } from '../../../state/EngineState';
import type { ProcessInstanceValue } from '../../../state/protocol/values';
import { right, type Either } from '../../Either';
import type { Writers } from '../../Writers';
import {
  contextOf,
  siblingValue,
  childValue,
  type BpmnElementContext,
} from '../BpmnElementContext';
import type { BpmnContainerProcessor } from '../BpmnElementProcessor';

export type ContainerLookup = (element: ExecutableFlowNode) => BpmnContainerProcessor | undefined;

const TERMINABLE = new Set(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING']);

export class BpmnStateTransitionBehavior {
  containerOf: ContainerLookup = () => undefined;

  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
  ) {}

  // ---- own lifecycle -------------------------------------------------------------------------

  transitionToActivating(context: BpmnElementContext): void {
    this.event(context, 'ELEMENT_ACTIVATING');
  }

  transitionToActivated(context: BpmnElementContext): void {
    this.event(context, 'ELEMENT_ACTIVATED');
  }

  transitionToCompleting(context: BpmnElementContext): void {
    this.event(context, 'ELEMENT_COMPLETING');
  }

  transitionToCompleted(context: BpmnElementContext): void {
    this.event(context, 'ELEMENT_COMPLETED');
  }

  transitionToTerminating(context: BpmnElementContext): void {
    this.event(context, 'ELEMENT_TERMINATING');
  }

  transitionToTerminated(context: BpmnElementContext): void {
    this.event(context, 'ELEMENT_TERMINATED');
  }

  private event(context: BpmnElementContext, intent: string): void {
    this.writers.appendEvent(context.key, 'PROCESS_INSTANCE', intent, context.value);
  }

  // ---- follow-up commands --------------------------------------------------------------------

  completeElement(context: BpmnElementContext): void {
    this.writers.appendFollowUpCommand(
      context.key,
      'PROCESS_INSTANCE',
      'COMPLETE_ELEMENT',
      context.value,
    );
  }

  terminateElement(context: BpmnElementContext): void {
    this.writers.appendFollowUpCommand(
      context.key,
      'PROCESS_INSTANCE',
      'TERMINATE_ELEMENT',
      context.value,
    );
  }

  activateElement(key: string, value: ProcessInstanceValue): void {
    this.writers.appendFollowUpCommand(key, 'PROCESS_INSTANCE', 'ACTIVATE_ELEMENT', value);
  }

  /** Activates `child` inside the container instance `flowScope`; returns the new key. */
  activateChildInstance(flowScope: BpmnElementContext, child: ExecutableFlowNode): string {
    const key = this.state.keys.nextKey();
    this.activateElement(key, childValue(flowScope, child));
    return key;
  }

  /** Activates `element` in the flow scope of `sibling` (boundary events); returns the new key. */
  activateInFlowScopeOf(
    sibling: BpmnElementContext,
    element: ExecutableFlowNode,
    key?: string,
  ): string {
    const elementKey = key ?? this.state.keys.nextKey();
    this.activateElement(elementKey, siblingValue(sibling, element));
    return elementKey;
  }

  // ---- sequence flows ------------------------------------------------------------------------

  /**
   * After completion: take the outgoing flows, or tell the flow scope this path ended (with what
   * beforeExecutionPathCompleted found).
   */
  takeOutgoingSequenceFlows(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
    satisfiesCompletionCondition?: boolean,
  ): void {
    if (element.outgoing.length === 0) {
      this.onElementCompleted(element, context, satisfiesCompletionCondition);
      return;
    }
    for (const flowId of element.outgoing) this.takeSequenceFlow(context, flowId);
  }

  takeSequenceFlow(context: BpmnElementContext, flowId: string): void {
    const process = this.state.processes.getModel(context.value.processDefinitionKey);
    const flow = process?.flows.get(flowId);
    const target = flow ? process?.elements.get(flow.targetId) : undefined;
    if (!flow || !target)
      throw new Error(`Sequence flow '${flowId}' not found in the process model`);
    this.writers.appendEvent(this.state.keys.nextKey(), 'PROCESS_INSTANCE', 'SEQUENCE_FLOW_TAKEN', {
      ...context.value,
      elementId: flow.id,
      bpmnElementType: 'SEQUENCE_FLOW',
      bpmnEventType: 'UNSPECIFIED',
    } satisfies ProcessInstanceValue);
    if (this.isJoinWaiting(context.value.flowScopeKey, target)) return;
    this.activateElement(this.state.keys.nextKey(), siblingValue(context, target));
  }

  /** A parallel join fires only when each incoming flow was taken. */
  private isJoinWaiting(flowScopeKey: string, target: ExecutableFlowNode): boolean {
    if (target.elementType !== 'PARALLEL_GATEWAY' || target.incoming.length <= 1) return false;
    const taken =
      this.state.elementInstances.get(flowScopeKey)?.runtime.takenFlows?.[target.id] ?? {};
    return !target.incoming.every((flowId) => (taken[flowId] ?? 0) > 0);
  }

  flowOf(context: BpmnElementContext, flowId: string): ExecutableSequenceFlow | undefined {
    return this.state.processes.getModel(context.value.processDefinitionKey)?.flows.get(flowId);
  }

  // ---- the flow scope ------------------------------------------------------------------------

  /** No child instances and no sequence flow in flight: the scope can complete. */
  canBeCompleted(flowScopeKey: string): boolean {
    const flowScope = this.state.elementInstances.get(flowScopeKey);
    if (!flowScope) return false;
    return (
      this.state.elementInstances.childCount(flowScopeKey) === 0 &&
      flowScope.runtime.activeFlows === 0
    );
  }

  /**
   * Before an element that ends a path completes: asks its flow scope (a multi-instance body
   * collects the output and evaluates the completion condition). Right(false) for the others.
   */
  beforeExecutionPathCompleted(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
  ): Either<boolean> {
    if (element.outgoing.length > 0) return right(false);
    const flowScope = this.state.elementInstances.get(context.value.flowScopeKey);
    const scopeElement = flowScope
      ? this.state.processes
          .getModel(flowScope.processDefinitionKey)
          ?.elements.get(flowScope.elementId)
      : undefined;
    if (!flowScope || !scopeElement) return right(false);
    const container = this.containerOf(scopeElement);
    return (
      container?.beforeChildCompleted?.(scopeElement, contextOf(flowScope), context) ?? right(false)
    );
  }

  onElementCompleted(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
    satisfiesCompletionCondition?: boolean,
  ): void {
    this.notifyFlowScope(element, context, 'completed', satisfiesCompletionCondition);
  }

  onElementTerminated(element: ExecutableFlowNode, context: BpmnElementContext): void {
    this.notifyFlowScope(element, context, 'terminated');
  }

  /** Tells the flow scope — or for a called process instance its call activity — about a child. */
  private notifyFlowScope(
    _element: ExecutableFlowNode,
    context: BpmnElementContext,
    how: 'completed' | 'terminated',
    satisfiesCompletionCondition?: boolean,
  ): void {
    const scopeKey =
      context.value.bpmnElementType === 'PROCESS'
        ? context.value.parentElementInstanceKey
        : context.value.flowScopeKey;
    const flowScope = this.state.elementInstances.get(scopeKey);
    if (!flowScope) return;
    const scopeElement = this.state.processes
      .getModel(flowScope.processDefinitionKey)
      ?.elements.get(flowScope.elementId);
    if (!scopeElement) return;
    const container = this.containerOf(scopeElement);
    if (!container) return;
    const scopeContext = contextOf(flowScope);
    if (how === 'completed') {
      container.onChildCompleted(scopeElement, scopeContext, context, satisfiesCompletionCondition);
    } else container.onChildTerminated(scopeElement, scopeContext, context);
  }

  /** Sends TERMINATE_ELEMENT to every live child; true when there was none. */
  terminateChildInstances(context: BpmnElementContext): boolean {
    let terminating = 0;
    for (const childKey of this.state.elementInstances.childKeys(context.key)) {
      const child = this.state.elementInstances.get(childKey);
      if (!child) continue;
      if (TERMINABLE.has(child.state)) this.terminateElement(contextOf(child));
      terminating++;
    }
    return terminating === 0;
  }
}
