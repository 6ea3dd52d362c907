/**
 * Terminates element instances for process instance modification, as Zeebe's
 * ProcessInstanceModificationModifyProcessor does: by events, not commands — ELEMENT_TERMINATING
 * from the instance down to its descendants (a call activity's child process instance too),
 * cancelling their jobs, incidents and subscriptions, then ELEMENT_TERMINATED from the bottom up.
 * Flow scopes left without an active instance, a token in flight or a pending activation are
 * terminated the same way, up to the process instance.
 */
import type { ElementInstance } from '../../../state/ElementInstanceState';
import type { BpmnBehaviors } from '../../bpmn/behavior/BpmnBehaviors';
import { contextOf, type BpmnElementContext } from '../../bpmn/BpmnElementContext';
import type { Outcome } from './ElementActivationBehavior';

const TERMINABLE = new Set(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING']);
const CONTAINERS = new Set(['PROCESS', 'SUB_PROCESS', 'EVENT_SUB_PROCESS', 'MULTI_INSTANCE_BODY']);

const CHILD_PROCESS_INSTANCE_TERMINATED = (processId: string) =>
  `Expected to modify instance of process '${processId}' but the given instructions would terminate the instance. The instance was created by a call activity in the parent process. To terminate this instance please modify the parent process instead.`;

export class ElementTerminationBehavior {
  constructor(private readonly b: BpmnBehaviors) {}

  /** Terminates the instance, then its flow scopes that have nothing left to do. */
  terminate(instance: ElementInstance, requiredScopeKeys: ReadonlySet<string>): Outcome<void> {
    const flowScopeKey = instance.flowScopeKey;
    this.terminateWithDescendants(instance);
    let scope = this.b.state.elementInstances.get(flowScopeKey);
    while (scope && this.isDone(scope, requiredScopeKeys)) {
      if (scope.elementType === 'PROCESS' && scope.parentProcessInstanceKey !== '-1') {
        return { ok: false, reason: CHILD_PROCESS_INSTANCE_TERMINATED(scope.bpmnProcessId) };
      }
      const next = scope.flowScopeKey;
      this.terminateWithDescendants(scope);
      scope = this.b.state.elementInstances.get(next);
    }
    return { ok: true, value: undefined };
  }

  private isDone(scope: ElementInstance, requiredScopeKeys: ReadonlySet<string>): boolean {
    return (
      this.b.state.elementInstances.childCount(scope.key) === 0 &&
      scope.runtime.activeFlows === 0 &&
      !requiredScopeKeys.has(scope.key)
    );
  }

  private terminateWithDescendants(instance: ElementInstance): void {
    const terminating: BpmnElementContext[] = [];
    const pending = [instance];
    for (let current = pending.pop(); current; current = pending.pop()) {
      const context = contextOf(current);
      this.b.transitions.transitionToTerminating(context);
      terminating.push(context);
      this.b.jobs.cancelJob(context);
      this.b.incidents.resolveIncidents(context);
      this.b.eventSubscriptions.unsubscribeFromEvents(context);
      pending.push(...this.childrenOf(current));
    }
    for (const context of terminating.reverse()) {
      if (context.value.bpmnElementType === 'PROCESS') {
        this.b.compensations.deleteSubscriptionsOfProcessInstance(context);
        const startedBy = this.b.state.messageStarts.correlationKeyOf(context.key);
        this.b.transitions.transitionToTerminated(context);
        this.b.startEvents.correlateNextBufferedMessage(startedBy);
      } else {
        this.b.transitions.transitionToTerminated(context);
      }
    }
  }

  private childrenOf(instance: ElementInstance): ElementInstance[] {
    const instances = this.b.state.elementInstances;
    const keys = CONTAINERS.has(instance.elementType)
      ? instances.childKeys(instance.key)
      : instance.elementType === 'CALL_ACTIVITY' && instance.runtime.calledChildInstanceKey
        ? [instance.runtime.calledChildInstanceKey]
        : [];
    return keys
      .map((key) => instances.get(key))
      .filter((child): child is ElementInstance => !!child && TERMINABLE.has(child.state));
  }
}
