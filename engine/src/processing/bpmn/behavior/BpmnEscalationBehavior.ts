/**
 * Escalation throw and end events (Zeebe's BpmnEventPublicationBehavior.throwEscalationEvent and
 * CatchEventAnalyzer.findEscalationCatchEvent): from the flow scope of the throwing element up
 * (into a calling process too), the first scope with an escalation event subprocess or boundary
 * event for the code — a code-specific one before a catch-all. Writes ESCALATION ESCALATED or
 * NOT_ESCALATED; an uncaught escalation is no incident. The throw event may complete unless the
 * catch interrupts its scope.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { ElementInstance } from '../../../state/ElementInstanceState';
import type { EngineState } from '../../../state/EngineState';
import type { EscalationValue } from '../../../state/protocol/values';
import type { Writers } from '../../Writers';
import type { BpmnElementContext } from '../BpmnElementContext';
import { eventSubProcessStartIds } from './BpmnErrorBehavior';
import type { BpmnEventTriggerBehavior } from './BpmnEventTriggerBehavior';

interface EscalationCatchEvent {
  instance: ElementInstance;
  catchEvent: ExecutableFlowNode;
}

const ACTIVE = new Set(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING']);

export class BpmnEscalationBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
    private readonly triggers: BpmnEventTriggerBehavior,
  ) {}

  /** Throws the escalation; true when the throwing element may complete. */
  throwEscalationEvent(
    throwElement: ExecutableFlowNode,
    escalationCode: string,
    context: BpmnElementContext,
  ): boolean {
    const value: EscalationValue = {
      processInstanceKey: context.value.processInstanceKey,
      escalationCode,
      throwElementId: throwElement.id,
      catchElementId: '',
    };
    const found = this.findCatchEvent(
      escalationCode,
      this.state.elementInstances.get(context.value.flowScopeKey),
    );
    let canBeCompleted = true;
    let escalated = false;
    const key = this.state.keys.nextKey();
    if (found) {
      value.catchElementId = found.catchEvent.id;
      canBeCompleted = !isInterrupting(found.catchEvent);
      if (this.triggers.canTrigger(found.instance.key, found.catchEvent.id)) {
        this.triggers.triggerCatchElement(found.instance, found.catchEvent, {});
        this.writers.appendEvent(key, 'ESCALATION', 'ESCALATED', value);
        escalated = true;
      }
    }
    if (!escalated) this.writers.appendEvent(key, 'ESCALATION', 'NOT_ESCALATED', value);
    return canBeCompleted;
  }

  private findCatchEvent(
    code: string,
    scope: ElementInstance | undefined,
  ): EscalationCatchEvent | undefined {
    let instance = scope;
    while (instance) {
      const catchEvent = this.findInScope(code, instance);
      if (catchEvent) return { instance, catchEvent };
      if (!ACTIVE.has(instance.state) || instance.runtime.interruptingKey !== undefined) return;
      // up the flow scopes, then from a called process to its call activity
      const parentKey =
        instance.flowScopeKey !== '-1' ? instance.flowScopeKey : instance.parentElementInstanceKey;
      instance = this.state.elementInstances.get(parentKey);
    }
    return undefined;
  }

  private findInScope(code: string, instance: ElementInstance): ExecutableFlowNode | undefined {
    const process = this.state.processes.getModel(instance.processDefinitionKey);
    const element = process?.elements.get(instance.elementId);
    if (!process || !element) return undefined;
    return [...eventSubProcessStartIds(process, element), ...element.boundaryEventIds]
      .map((id) => process.elements.get(id))
      .filter((e): e is ExecutableFlowNode => e?.eventType === 'ESCALATION')
      .sort((a, b) => codeOf(b).localeCompare(codeOf(a)))
      .find((catchEvent) => codeOf(catchEvent) === '' || codeOf(catchEvent) === code);
  }
}

function codeOf(catchEvent: ExecutableFlowNode): string {
  return catchEvent.escalation?.escalationCode ?? '';
}

function isInterrupting(catchEvent: ExecutableFlowNode): boolean {
  return catchEvent.elementType === 'START_EVENT'
    ? catchEvent.interrupting !== false
    : catchEvent.cancelActivity !== false;
}
