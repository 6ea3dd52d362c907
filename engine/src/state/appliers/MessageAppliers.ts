/** Appliers of MESSAGE, MESSAGE_SUBSCRIPTION, SIGNAL_SUBSCRIPTION, TIMER and PROCESS_EVENT events. */
import type {
  MessageSubscriptionValue,
  MessageValue,
  ProcessEventValue,
  SignalSubscriptionValue,
  TimerValue,
} from '../protocol/values';
import type { EngineState } from '../EngineState';
import type { Applier } from './Applier';

export const messagePublished: Applier<MessageValue> = (state, key, value) => {
  state.messages.messages.put({
    key,
    name: value.name,
    correlationKey: value.correlationKey,
    messageId: value.messageId,
    timeToLive: value.timeToLive,
    deadline: value.deadline,
    variables: value.variables,
    tenantId: value.tenantId,
  });
};

export const messageExpired: Applier<MessageValue> = (state, key) => {
  state.messages.messages.delete(key);
  for (const correlation of state.messages.correlationKeysOf(key)) {
    state.messages.correlations.delete(correlation);
  }
};

export const subscriptionCreated: Applier<MessageSubscriptionValue> = (state, key, value) => {
  state.subscriptions.subscriptions.put({
    key,
    elementInstanceKey: value.elementInstanceKey,
    elementId: value.elementId,
    processInstanceKey: value.processInstanceKey,
    processDefinitionKey: value.processDefinitionKey,
    bpmnProcessId: value.bpmnProcessId,
    messageName: value.messageName,
    correlationKey: value.correlationKey,
    interrupting: value.interrupting,
    tenantId: value.tenantId,
  });
};

/** Records the correlation; a subscription that ends its element is closed right away. */
export const subscriptionCorrelated: Applier<MessageSubscriptionValue> = (state, key, value) => {
  if (value.messageKey !== '-1' && state.messages.get(value.messageKey)) {
    state.messages.correlations.put({
      messageKey: value.messageKey,
      bpmnProcessId: value.bpmnProcessId,
      processInstanceKey: value.processInstanceKey,
    });
  }
  if (value.interrupting) state.subscriptions.subscriptions.delete(key);
};

export const subscriptionDeleted: Applier<MessageSubscriptionValue> = (state, key) => {
  state.subscriptions.subscriptions.delete(key);
};

export const timerCreated: Applier<TimerValue> = (state, key, value) => {
  state.timers.timers.put({
    key,
    elementInstanceKey: value.elementInstanceKey,
    processInstanceKey: value.processInstanceKey,
    processDefinitionKey: value.processDefinitionKey,
    targetElementId: value.targetElementId,
    dueDate: value.dueDate,
    repetitions: value.repetitions,
    tenantId: value.tenantId,
  });
};

export const timerRemoved: Applier<TimerValue> = (state, key) => {
  state.timers.timers.delete(key);
};

/**
 * Stores the trigger; one that activates a new element counts as a token in flight in the
 * flow scope (so the scope does not complete before the element is activated).
 */
export const processEventTriggering: Applier<ProcessEventValue> = (state, key, value) => {
  if (value.flowScopeKey !== '-1') {
    const flowScope = state.elementInstances.get(value.flowScopeKey);
    if (flowScope) {
      const runtime = { ...flowScope.runtime, activeFlows: flowScope.runtime.activeFlows + 1 };
      // an interrupting event subprocess interrupts the scope it is triggered in
      if (isInterruptingEventSubProcessStart(state, value))
        runtime.interruptingKey = value.scopeKey;
      state.elementInstances.instances.put({ ...flowScope, runtime });
    }
  }
  state.eventTriggers.triggers.put({
    elementInstanceKey: value.scopeKey,
    eventKey: key,
    elementId: value.targetElementId,
    variables: value.variables,
    processInstanceKey: value.processInstanceKey,
  });
};

function isInterruptingEventSubProcessStart(state: EngineState, value: ProcessEventValue): boolean {
  const elements = state.processes.getModel(value.processDefinitionKey)?.elements;
  const target = elements?.get(value.targetElementId);
  if (target?.elementType !== 'START_EVENT' || target.interrupting === false) return false;
  return elements?.get(target.flowScopeId)?.elementType === 'EVENT_SUB_PROCESS';
}

export const processEventTriggered: Applier<ProcessEventValue> = (state, _key, value) => {
  state.eventTriggers.triggers.delete(value.scopeKey);
};

export const signalSubscriptionCreated: Applier<SignalSubscriptionValue> = (state, key, value) => {
  state.signals.subscriptions.put({
    key,
    signalName: value.signalName,
    elementInstanceKey: value.catchEventInstanceKey,
    catchEventId: value.catchEventId,
    processInstanceKey: value.processInstanceKey,
    processDefinitionKey: value.processDefinitionKey,
    bpmnProcessId: value.bpmnProcessId,
    tenantId: value.tenantId,
  });
};

export const signalSubscriptionDeleted: Applier<SignalSubscriptionValue> = (state, key) => {
  state.signals.subscriptions.delete(key);
};
