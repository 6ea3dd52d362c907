/**
 * The process itself (Zeebe's ProcessProcessor): activates its none start event (or the start
 * event that triggered it; the start event opens the event subprocesses' subscriptions), completes
 * when no token is left, and answers a caller waiting for the result. When an instance a
 * message with a correlation key started ends, the next buffered message with that key starts
 * the next one.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnContainerProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { onChildCompleted, onChildTerminated } from './containerSteps';

export class ProcessProcessor implements BpmnContainerProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(_element: ExecutableFlowNode, context: BpmnElementContext): void {
    this.b.transitions.transitionToActivated(context);
    this.b.startEvents.activateStartEvent(context);
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const waiter = this.b.results.get(context.key);
    const variables = waiter
      ? this.b.state.variables.getVisible(context.key, waiter.fetchVariables)
      : undefined;
    const startedBy = this.b.state.messageStarts.correlationKeyOf(context.key);
    this.b.eventSubscriptions.unsubscribeFromEvents(context);
    this.b.compensations.deleteSubscriptionsOfProcessInstance(context);
    this.b.transitions.transitionToCompleted(context);
    this.b.startEvents.correlateNextBufferedMessage(startedBy);
    // created by a call activity: it completes now (CallActivityProcessor)
    this.b.transitions.onElementCompleted(element, context);
    if (waiter && variables) {
      this.b.ctx.afterCommit(() => {
        if (this.b.results.take(context.key) === waiter) {
          waiter.resolve({ ok: true, value: { ...waiter.created, variables } });
        }
      });
    }
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    this.b.eventSubscriptions.unsubscribeFromEvents(context);
    this.b.compensations.deleteSubscriptionsOfProcessInstance(context);
    this.b.incidents.resolveIncidents(context);
    if (this.b.transitions.terminateChildInstances(context))
      this.finishTermination(element, context);
  }

  onChildCompleted(_element: ExecutableFlowNode, flowScope: BpmnElementContext): void {
    onChildCompleted(this.b, flowScope);
  }

  onChildTerminated(element: ExecutableFlowNode, flowScope: BpmnElementContext): void {
    onChildTerminated(this.b, element, flowScope, (e, c) => this.finishTermination(e, c));
  }

  private finishTermination(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const startedBy = this.b.state.messageStarts.correlationKeyOf(context.key);
    this.b.transitions.transitionToTerminated(context);
    this.b.startEvents.correlateNextBufferedMessage(startedBy);
    // created by a call activity: its termination goes on (CallActivityProcessor)
    this.b.transitions.onElementTerminated(element, context);
  }
}
