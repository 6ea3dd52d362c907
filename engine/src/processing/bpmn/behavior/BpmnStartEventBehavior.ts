/**
 * Process instances started by an event (Zeebe's EventHandle.activateProcessInstanceForStartEvent
 * and BpmnBufferedMessageStartEventBehavior): a message, timer or signal start event triggers a
 * new instance, whose process then activates that start event with the event's variables.
 * Message start events create one active instance per correlation key: a message with the key
 * of an active instance stays buffered and starts the next instance when that one has ended.
 */
import type { EngineState } from '../../../state/EngineState';
import type { Message } from '../../../state/MessageState';
import type {
  MessageStartEventSubscription,
  MessageStartedInstance,
} from '../../../state/MessageStartEventSubscriptionState';
import type { DeployedProcess } from '../../../state/ProcessState';
import type {
  MessageStartEventSubscriptionValue,
  ProcessEventValue,
  ProcessInstanceValue,
} from '../../../state/protocol/values';
import type { ProcessingContext } from '../../ProcessingContext';
import { childValue, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnStateTransitionBehavior } from './BpmnStateTransitionBehavior';

type Variables = Record<string, unknown>;

export class BpmnStartEventBehavior {
  private readonly state: EngineState;

  constructor(
    private readonly ctx: ProcessingContext,
    private readonly transitions: BpmnStateTransitionBehavior,
  ) {
    this.state = ctx.state;
  }

  /** Creates an instance of `deployed` that starts at its start event `startEventId`. */
  startProcessInstance(
    deployed: DeployedProcess,
    startEventId: string,
    variables: Variables,
    processInstanceKey: string = this.state.keys.nextKey(),
  ): string {
    this.ctx.writers.appendEvent(this.state.keys.nextKey(), 'PROCESS_EVENT', 'TRIGGERING', {
      scopeKey: processInstanceKey,
      flowScopeKey: '-1',
      targetElementId: startEventId,
      variables,
      processDefinitionKey: deployed.key,
      processInstanceKey,
      tenantId: deployed.tenantId,
    } satisfies ProcessEventValue);
    this.transitions.activateElement(processInstanceKey, {
      bpmnProcessId: deployed.bpmnProcessId,
      version: deployed.version,
      processDefinitionKey: deployed.key,
      processInstanceKey,
      elementId: deployed.process.bpmnProcessId,
      flowScopeKey: '-1',
      bpmnElementType: 'PROCESS',
      bpmnEventType: 'UNSPECIFIED',
      parentProcessInstanceKey: '-1',
      parentElementInstanceKey: '-1',
      tenantId: deployed.tenantId,
    } satisfies ProcessInstanceValue);
    return processInstanceKey;
  }

  /**
   * The process instance was activated: activates the start event its trigger names (with the
   * event's variables, moved to the start event instance) or else the none start event.
   */
  activateStartEvent(context: BpmnElementContext): void {
    const process = this.state.processes.getModel(context.value.processDefinitionKey);
    const trigger = this.state.eventTriggers.get(context.key);
    const triggered = trigger ? process?.elements.get(trigger.elementId) : undefined;
    if (trigger && triggered?.elementType === 'START_EVENT') {
      const startKey = this.state.keys.nextKey();
      const event = (scopeKey: string, variables: Variables): ProcessEventValue => ({
        scopeKey,
        flowScopeKey: '-1',
        targetElementId: triggered.id,
        variables,
        processDefinitionKey: context.value.processDefinitionKey,
        processInstanceKey: context.value.processInstanceKey,
        tenantId: context.value.tenantId,
      });
      this.ctx.writers.appendEvent(
        trigger.eventKey,
        'PROCESS_EVENT',
        'TRIGGERED',
        event(context.key, {}),
      );
      this.ctx.writers.appendEvent(
        trigger.eventKey,
        'PROCESS_EVENT',
        'TRIGGERING',
        event(startKey, trigger.variables),
      );
      this.transitions.activateElement(startKey, childValue(context, triggered));
      return;
    }
    const startEvent = process?.noneStartEventId
      ? process.elements.get(process.noneStartEventId)
      : undefined;
    if (startEvent) this.transitions.activateChildInstance(context, startEvent);
  }

  // ---- message start events --------------------------------------------------------------

  /**
   * A published message starts an instance of each process with a message start event for it,
   * unless it correlated to that process already or an instance a message with the same
   * correlation key started is still active.
   */
  correlateToStartEvents(message: Message, correlatedProcessIds: Set<string>): void {
    for (const subscription of this.state.messageStarts.forMessageName(
      message.tenantId,
      message.name,
    )) {
      if (correlatedProcessIds.has(subscription.bpmnProcessId)) continue;
      if (
        message.correlationKey !== '' &&
        this.state.messageStarts.hasActiveInstance(
          message.tenantId,
          subscription.bpmnProcessId,
          message.correlationKey,
        )
      ) {
        continue;
      }
      if (this.correlate(subscription, message))
        correlatedProcessIds.add(subscription.bpmnProcessId);
    }
  }

  /**
   * An instance a message with a correlation key started has ended (read `startedBy` before it
   * ended): the first buffered message with that key starts an instance of the latest version.
   */
  correlateNextBufferedMessage(startedBy: MessageStartedInstance | undefined): void {
    if (!startedBy) return;
    const latest = this.state.processes.getLatestProcess(
      startedBy.bpmnProcessId,
      startedBy.tenantId,
    );
    if (!latest) return;
    let next: { subscription: MessageStartEventSubscription; message: Message } | undefined;
    for (const subscription of this.state.messageStarts.ofProcessDefinition(latest.key)) {
      const message = this.state.messages
        .buffered(startedBy.tenantId, subscription.messageName, startedBy.correlationKey)
        .find(
          (m) =>
            m.deadline > this.ctx.now &&
            !this.state.messages.isCorrelatedTo(m.key, startedBy.bpmnProcessId),
        );
      if (message && (!next || compareKeys(message.key, next.message.key) < 0)) {
        next = { subscription, message };
      }
    }
    if (next) this.correlate(next.subscription, next.message);
  }

  private correlate(subscription: MessageStartEventSubscription, message: Message): boolean {
    const deployed = this.state.processes.getProcessByKey(subscription.processDefinitionKey);
    if (!deployed) return false;
    const processInstanceKey = this.state.keys.nextKey();
    this.ctx.writers.appendEvent(
      subscription.key,
      'MESSAGE_START_EVENT_SUBSCRIPTION',
      'CORRELATED',
      {
        processDefinitionKey: subscription.processDefinitionKey,
        bpmnProcessId: subscription.bpmnProcessId,
        startEventId: subscription.startEventId,
        messageName: subscription.messageName,
        processInstanceKey,
        messageKey: message.key,
        correlationKey: message.correlationKey,
        variables: message.variables,
        tenantId: subscription.tenantId,
      } satisfies MessageStartEventSubscriptionValue,
    );
    this.startProcessInstance(
      deployed,
      subscription.startEventId,
      message.variables,
      processInstanceKey,
    );
    return true;
  }
}

/** Keys are decimal strings of int64 values. */
function compareKeys(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
