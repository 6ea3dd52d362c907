/** Appliers of MESSAGE_START_EVENT_SUBSCRIPTION events (message start events). */
import type { MessageStartEventSubscriptionValue } from '../protocol/values';
import type { Applier } from './Applier';

export const messageStartSubscriptionCreated: Applier<MessageStartEventSubscriptionValue> = (
  state,
  key,
  value,
) => {
  state.messageStarts.subscriptions.put({
    key,
    processDefinitionKey: value.processDefinitionKey,
    bpmnProcessId: value.bpmnProcessId,
    startEventId: value.startEventId,
    messageName: value.messageName,
    tenantId: value.tenantId,
  });
};

/**
 * The message started an instance: it does not correlate to this process again, and with a
 * correlation key no second instance starts for that key while this one is active.
 */
export const messageStartSubscriptionCorrelated: Applier<MessageStartEventSubscriptionValue> = (
  state,
  _key,
  value,
) => {
  if (state.messages.get(value.messageKey)) {
    state.messages.correlations.put({
      messageKey: value.messageKey,
      bpmnProcessId: value.bpmnProcessId,
      processInstanceKey: value.processInstanceKey,
    });
  }
  if (value.correlationKey !== '') {
    state.messageStarts.startedInstances.put({
      processInstanceKey: value.processInstanceKey,
      bpmnProcessId: value.bpmnProcessId,
      correlationKey: value.correlationKey,
      tenantId: value.tenantId,
    });
  }
};

export const messageStartSubscriptionDeleted: Applier<MessageStartEventSubscriptionValue> = (
  state,
  key,
) => {
  state.messageStarts.subscriptions.delete(key);
};
