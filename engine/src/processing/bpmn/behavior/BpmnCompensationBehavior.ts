/**
 * Compensation (Zeebe 8.6's BpmnCompensationSubscriptionBehaviour):
 * - a completing activity with a compensation boundary event — or a subprocess or
 *   multi-instance body in which such activities completed — leaves a compensation subscription.
 *   A multi-instance activity's boundary event is attached to its body, so its handler is
 *   invoked once for the whole activity (docs: "Compensation events", multi-instance), while
 *   the activities inside the instances of a multi-instance subprocess are compensated for
 *   each completed instance;
 * - a compensation throw or end event triggers the untriggered subscriptions of its flow scope
 *   (or those of the activity it names), and from subprocess subscriptions on those inside: for
 *   each handler, the compensation boundary event is written activated and completed at once
 *   (its own element instance), then the handler is activated in the throw event's flow scope
 *   (record event type COMPENSATION; a multi-instance handler as its body);
 * - a handler's completion completes its subscription (and a subprocess's once nothing is left
 *   inside); when no subscription of the throw event is left, the throw event completes.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { CompensationSubscription } from '../../../state/CompensationSubscriptionState';
import type { EngineState } from '../../../state/EngineState';
import type {
  CompensationSubscriptionValue,
  ProcessInstanceValue,
} from '../../../state/protocol/values';
import type { Writers } from '../../Writers';
import { contextOf, type BpmnElementContext } from '../BpmnElementContext';

const NONE = '-1';
const BOUNDARY_EVENT_LIFECYCLE = [
  'ELEMENT_ACTIVATING',
  'ELEMENT_ACTIVATED',
  'ELEMENT_COMPLETING',
  'ELEMENT_COMPLETED',
] as const;
/** Elements whose subscription stands for the subscriptions completed inside them. */
const SCOPES_WITH_SUBSCRIPTIONS = new Set([
  'SUB_PROCESS',
  'EVENT_SUB_PROCESS',
  'MULTI_INSTANCE_BODY',
]);

export class BpmnCompensationBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
  ) {}

  /** On completing an activity: a subscription when it can be compensated. */
  createSubscription(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const handlerId = this.handlerOf(element, context.value.processDefinitionKey);
    const isScopeWithSubscriptions =
      SCOPES_WITH_SUBSCRIPTIONS.has(element.elementType) &&
      this.subscriptionsOf(context).some((s) => s.compensableActivityScopeKey === context.key);
    if (handlerId === undefined && !isScopeWithSubscriptions) return;
    this.writers.appendEvent(this.state.keys.nextKey(), 'COMPENSATION_SUBSCRIPTION', 'CREATED', {
      tenantId: context.value.tenantId,
      processInstanceKey: context.value.processInstanceKey,
      processDefinitionKey: context.value.processDefinitionKey,
      compensableActivityId: element.id,
      compensableActivityInstanceKey: context.key,
      compensableActivityScopeKey: context.value.flowScopeKey,
      compensationHandlerId: handlerId ?? '',
      compensationHandlerInstanceKey: NONE,
      throwEventId: '',
      throwEventInstanceKey: NONE,
      variables: {},
    } satisfies CompensationSubscriptionValue);
  }

  /**
   * A compensation throw or end event (`throwContext`): triggers the subscriptions of its scope,
   * or those of `activityId`. False when there was nothing to compensate.
   */
  triggerCompensation(throwContext: BpmnElementContext, activityId?: string): boolean {
    const open = this.subscriptionsOf(throwContext).filter((s) => s.throwEventId === '');
    const scopeKey = throwContext.value.flowScopeKey;
    const first = open.filter(
      (s) =>
        s.compensableActivityScopeKey === scopeKey &&
        (activityId === undefined || s.compensableActivityId === activityId),
    );
    if (first.length === 0) return false;
    for (const subscription of first) this.trigger(throwContext, subscription, open);
    // a subprocess without anything left to compensate inside is done at once
    for (const subscription of open) {
      if (subscription.compensationHandlerId === '') {
        this.completeScopeSubscription(throwContext, subscription.compensableActivityInstanceKey);
      }
    }
    return this.subscriptionsOf(throwContext).some(
      (s) => s.throwEventInstanceKey === throwContext.key,
    );
  }

  /** A compensation handler completed: completes its subscription, maybe the throw event. */
  completeHandler(context: BpmnElementContext): void {
    if (context.value.bpmnEventType !== 'COMPENSATION') return;
    const subscription = this.subscriptionsOf(context).find(
      (s) => s.throwEventId !== '' && s.compensationHandlerInstanceKey === context.key,
    );
    if (!subscription) return;
    this.write(subscription, 'COMPLETED');
    this.completeScopeSubscription(context, subscription.compensableActivityScopeKey);
    const throwEventInstanceKey = subscription.throwEventInstanceKey;
    const waiting = this.subscriptionsOf(context).some(
      (s) => s.throwEventInstanceKey === throwEventInstanceKey,
    );
    const throwEvent = this.state.elementInstances.get(throwEventInstanceKey);
    if (!waiting && throwEvent) {
      const throwContext = contextOf(throwEvent);
      this.writers.appendFollowUpCommand(
        throwContext.key,
        'PROCESS_INSTANCE',
        'COMPLETE_ELEMENT',
        throwContext.value,
      );
    }
  }

  /** The process instance ended: its subscriptions go. */
  deleteSubscriptionsOfProcessInstance(context: BpmnElementContext): void {
    for (const subscription of this.subscriptionsOf(context)) this.write(subscription, 'DELETED');
  }

  private trigger(
    throwContext: BpmnElementContext,
    subscription: CompensationSubscription,
    open: CompensationSubscription[],
  ): void {
    let handlerInstanceKey = NONE;
    const elements = this.state.processes.getModel(
      throwContext.value.processDefinitionKey,
    )?.elements;
    const handler =
      subscription.compensationHandlerId === ''
        ? undefined
        : elements?.get(subscription.compensationHandlerId);
    if (handler) {
      const activity = elements?.get(subscription.compensableActivityId);
      const boundaryId =
        activity && elements ? this.boundaryEventOf(activity, elements) : undefined;
      if (boundaryId !== undefined) this.activateAndCompleteBoundaryEvent(throwContext, boundaryId);
      handlerInstanceKey = this.state.keys.nextKey();
      this.writers.appendFollowUpCommand(
        handlerInstanceKey,
        'PROCESS_INSTANCE',
        'ACTIVATE_ELEMENT',
        {
          ...throwContext.value,
          elementId: handler.id,
          // a multi-instance handler starts with its body (Zeebe's transformer sets the body)
          bpmnElementType: handler.multiInstance ? 'MULTI_INSTANCE_BODY' : handler.elementType,
          bpmnEventType: 'COMPENSATION',
        } satisfies ProcessInstanceValue,
      );
    }
    this.write(subscription, 'TRIGGERED', {
      throwEventId: throwContext.value.elementId,
      throwEventInstanceKey: throwContext.key,
      compensationHandlerInstanceKey: handlerInstanceKey,
    });
    // a compensated subprocess: the activities that completed inside it
    for (const inner of open) {
      if (inner.compensableActivityScopeKey === subscription.compensableActivityInstanceKey) {
        this.trigger(throwContext, inner, open);
      }
    }
  }

  /** The subscription of a subprocess completes once none of its inner ones is left. */
  private completeScopeSubscription(context: BpmnElementContext, scopeKey: string): void {
    const subscriptions = this.subscriptionsOf(context);
    if (subscriptions.some((s) => s.compensableActivityScopeKey === scopeKey)) return;
    const scopeSubscription = subscriptions.find(
      (s) => s.compensableActivityInstanceKey === scopeKey,
    );
    if (!scopeSubscription) return;
    this.write(scopeSubscription, 'COMPLETED');
    this.completeScopeSubscription(context, scopeSubscription.compensableActivityScopeKey);
  }

  private handlerOf(element: ExecutableFlowNode, processDefinitionKey: string): string | undefined {
    const elements = this.state.processes.getModel(processDefinitionKey)?.elements;
    const boundaryId = elements && this.boundaryEventOf(element, elements);
    return boundaryId === undefined ? undefined : elements?.get(boundaryId)?.compensationHandlerId;
  }

  /** The compensation boundary event (with a handler) attached to `activity`. */
  private boundaryEventOf(
    activity: ExecutableFlowNode,
    elements: ReadonlyMap<string, ExecutableFlowNode>,
  ): string | undefined {
    return activity.boundaryEventIds.find((id) => {
      const boundary = elements.get(id);
      return boundary?.eventType === 'COMPENSATION' && boundary.compensationHandlerId !== undefined;
    });
  }

  /**
   * Zeebe writes the compensation boundary event of a triggered handler as an element instance
   * of its own, activated and completed at once, in the throw event's flow scope.
   */
  private activateAndCompleteBoundaryEvent(throwContext: BpmnElementContext, boundaryId: string) {
    const key = this.state.keys.nextKey();
    const value: ProcessInstanceValue = {
      ...throwContext.value,
      elementId: boundaryId,
      bpmnElementType: 'BOUNDARY_EVENT',
      bpmnEventType: 'COMPENSATION',
    };
    for (const intent of BOUNDARY_EVENT_LIFECYCLE) {
      this.writers.appendEvent(key, 'PROCESS_INSTANCE', intent, value);
    }
  }

  private subscriptionsOf(context: BpmnElementContext): CompensationSubscription[] {
    return this.state.compensations.ofProcessInstance(context.value.processInstanceKey);
  }

  private write(
    subscription: CompensationSubscription,
    intent: 'TRIGGERED' | 'COMPLETED' | 'DELETED',
    changes: Partial<CompensationSubscriptionValue> = {},
  ): void {
    const { key, ...fields } = subscription;
    this.writers.appendEvent(key, 'COMPENSATION_SUBSCRIPTION', intent, {
      ...fields,
      variables: {},
      ...changes,
    } satisfies CompensationSubscriptionValue);
  }
}
