/**
 * Correlates a message to an open subscription (Zeebe's MessageCorrelateBehavior): records the
 * correlation and triggers the waiting catch event or boundary event with the message variables.
 */
import type { Message } from '../../state/MessageState';
import type { MessageSubscription } from '../../state/MessageSubscriptionState';
import type { MessageSubscriptionValue } from '../../state/protocol/values';
import type { BpmnBehaviors } from '../bpmn/behavior/BpmnBehaviors';

export class MessageCorrelateBehavior {
  constructor(private readonly b: BpmnBehaviors) {}

  /** Correlates; false when the waiting element no longer accepts the event. */
  correlate(subscription: MessageSubscription, message: Message): boolean {
    if (!this.b.eventTriggers.canTrigger(subscription.elementInstanceKey, subscription.elementId))
      return false;
    const value: MessageSubscriptionValue = {
      processInstanceKey: subscription.processInstanceKey,
      elementInstanceKey: subscription.elementInstanceKey,
      processDefinitionKey: subscription.processDefinitionKey,
      bpmnProcessId: subscription.bpmnProcessId,
      elementId: subscription.elementId,
      messageName: subscription.messageName,
      correlationKey: subscription.correlationKey,
      messageKey: message.key,
      variables: message.variables,
      interrupting: subscription.interrupting,
      tenantId: subscription.tenantId,
    };
    const writers = this.b.ctx.writers;
    writers.appendEvent(subscription.key, 'PROCESS_MESSAGE_SUBSCRIPTION', 'CORRELATED', value);
    writers.appendEvent(subscription.key, 'MESSAGE_SUBSCRIPTION', 'CORRELATED', value);
    return this.b.eventTriggers.triggerCatchEvent(
      subscription.elementInstanceKey,
      subscription.elementId,
      message.variables,
      message.key,
    );
  }

  /** Starts instances of processes with a message start event for the message (see BpmnStartEventBehavior). */
  correlateToStartEvents(message: Message, correlatedProcessIds: Set<string>): void {
    this.b.startEvents.correlateToStartEvents(message, correlatedProcessIds);
  }
}
