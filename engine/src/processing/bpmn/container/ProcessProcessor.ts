/**
 * The process itself (Zeebe's ProcessProcessor): activates its none start event, completes when
 * no token is left, and answers a caller waiting for the result.
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
    const process = this.b.state.processes.getModel(context.value.processDefinitionKey);
    const startEvent = process?.noneStartEventId
      ? process.elements.get(process.noneStartEventId)
      : undefined;
    if (startEvent) this.b.transitions.activateChildInstance(context, startEvent);
  }

  onComplete(_element: ExecutableFlowNode, context: BpmnElementContext): void {
    const waiter = this.b.results.get(context.key);
    const variables = waiter
      ? this.b.state.variables.getVisible(context.key, waiter.fetchVariables)
      : undefined;
    this.b.transitions.transitionToCompleted(context);
    if (waiter && variables) {
      this.b.ctx.afterCommit(() => {
        if (this.b.results.take(context.key) === waiter) {
          waiter.resolve({ ok: true, value: { ...waiter.created, variables } });
        }
      });
    }
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
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

  private finishTermination(_element: ExecutableFlowNode, context: BpmnElementContext): void {
    this.b.transitions.transitionToTerminated(context);
  }
}
