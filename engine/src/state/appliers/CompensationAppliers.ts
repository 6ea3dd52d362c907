/** Appliers of COMPENSATION_SUBSCRIPTION events. */
import type { CompensationSubscriptionValue } from '../protocol/values';
import type { Applier } from './Applier';

export const compensationSubscriptionPut: Applier<CompensationSubscriptionValue> = (
  state,
  key,
  value,
) => {
  state.compensations.subscriptions.put({
    key,
    tenantId: value.tenantId,
    processInstanceKey: value.processInstanceKey,
    processDefinitionKey: value.processDefinitionKey,
    compensableActivityId: value.compensableActivityId,
    compensableActivityInstanceKey: value.compensableActivityInstanceKey,
    compensableActivityScopeKey: value.compensableActivityScopeKey,
    compensationHandlerId: value.compensationHandlerId,
    throwEventId: value.throwEventId,
    throwEventInstanceKey: value.throwEventInstanceKey,
    compensationHandlerInstanceKey: value.compensationHandlerInstanceKey,
  });
};

export const compensationSubscriptionRemoved: Applier<CompensationSubscriptionValue> = (
  state,
  key,
) => {
  state.compensations.subscriptions.delete(key);
};
