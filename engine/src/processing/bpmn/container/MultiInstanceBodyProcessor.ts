/**
 * The body of a multi-instance activity (Zeebe's MultiInstanceBodyProcessor): on activation it
 * reads the input collection and creates the inner instances — all at once (parallel) or one
 * after the other (sequential); it collects their output, checks the completion condition after
 * each one, and completes when all are done or the condition holds (the rest is terminated).
 * Boundary events are attached to the body. `element` is always the body part
 * (multiInstanceElements.ts).
 */
import type { ExecutableFlowNode } from '../../../model/types';
import { right, type Either } from '../../Either';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnContainerProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { MultiInstanceLoopBehavior } from '../behavior/MultiInstanceLoopBehavior';
import { completeActivity, terminateActivity } from '../activitySteps';
import { innerActivityOf } from './multiInstanceElements';

export class MultiInstanceBodyProcessor implements BpmnContainerProcessor {
  private readonly loop: MultiInstanceLoopBehavior;

  constructor(private readonly b: BpmnBehaviors) {
    this.loop = new MultiInstanceLoopBehavior(b);
  }

  onActivate(body: ExecutableFlowNode, context: BpmnElementContext): void {
    const b = this.b;
    const collection = this.loop.readInputCollection(body, context.key);
    if (!collection.ok) return b.incidents.createIncident(collection.failure, context);
    const subscribed = b.eventSubscriptions.subscribeToEvents(body, context, b.ctx.now);
    if (!subscribed.ok) return b.incidents.createIncident(subscribed.failure, context);
    b.transitions.transitionToActivated(context);
    const size = collection.value.length;
    this.loop.initializeOutputCollection(body, context, size);
    if (size === 0) {
      // nothing to do: the activity is skipped
      b.transitions.completeElement(context);
      return;
    }
    const inner = innerActivityOf(body);
    const instances = body.multiInstance?.isSequential ? 1 : size;
    for (let i = 0; i < instances; i++) b.transitions.activateChildInstance(context, inner);
  }

  onComplete(body: ExecutableFlowNode, context: BpmnElementContext): void {
    const name = body.multiInstance?.outputCollection;
    if (name !== undefined) {
      const collection = this.b.state.variables.getLocal(context.key, name);
      this.b.variables.mergeDocument(
        context.value.flowScopeKey,
        { [name]: collection?.value ?? null },
        context.value,
      );
    }
    completeActivity(this.b, body, context);
  }

  onTerminate(body: ExecutableFlowNode, context: BpmnElementContext): void {
    this.b.eventSubscriptions.unsubscribeFromEvents(context);
    if (this.b.transitions.terminateChildInstances(context)) {
      terminateActivity(this.b, body, context);
    }
  }

  /** An inner instance is activating: its loop variables, before its own input mappings. */
  onChildActivating(
    body: ExecutableFlowNode,
    _bodyContext: BpmnElementContext,
    child: BpmnElementContext,
  ): Either<void> {
    return this.loop.setLoopVariables(body, child);
  }

  /**
   * An inner instance is about to complete (its output mappings are applied): its output goes
   * into the output collection, and the completion condition is evaluated in its scope.
   * A failure becomes an incident on the inner instance.
   */
  beforeChildCompleted(
    body: ExecutableFlowNode,
    bodyContext: BpmnElementContext,
    child: BpmnElementContext,
  ): Either<boolean> {
    const updated = this.loop.updateOutputCollection(body, bodyContext, child);
    if (!updated.ok) return updated;
    const satisfied = this.loop.satisfiesCompletionCondition(body, bodyContext, child);
    if (!satisfied.ok) return satisfied;
    const collection = this.loop.readInputCollection(body, bodyContext.key);
    return collection.ok ? right(satisfied.value) : collection;
  }

  onChildCompleted(
    body: ExecutableFlowNode,
    bodyContext: BpmnElementContext,
    _child: BpmnElementContext,
    satisfiesCompletionCondition = false,
  ): void {
    const b = this.b;
    const instance = b.state.elementInstances.get(bodyContext.key);
    if (!instance) return;
    if (instance.state === 'ELEMENT_TERMINATING') {
      if (b.state.elementInstances.childCount(bodyContext.key) === 0) {
        terminateActivity(b, body, bodyContext);
      }
      return;
    }
    if (instance.state !== 'ELEMENT_ACTIVATED') return;
    if (satisfiesCompletionCondition) {
      // the remaining inner instances are terminated; the body completes after the last one
      const noneLeft = b.transitions.terminateChildInstances(bodyContext);
      if (noneLeft || body.multiInstance?.isSequential) b.transitions.completeElement(bodyContext);
      return;
    }
    const collection = this.loop.readInputCollection(body, bodyContext.key);
    if (!collection.ok) return b.incidents.createIncident(collection.failure, bodyContext);
    const size = collection.value.length;
    if (body.multiInstance?.isSequential && (instance.runtime.loopCounter ?? 0) < size) {
      b.transitions.activateChildInstance(bodyContext, innerActivityOf(body));
      return;
    }
    if (
      b.transitions.canBeCompleted(bodyContext.key) &&
      this.loop.allInstancesEnded(bodyContext.key, size)
    ) {
      b.transitions.completeElement(bodyContext);
    }
  }

  onChildTerminated(body: ExecutableFlowNode, bodyContext: BpmnElementContext): void {
    const b = this.b;
    const instance = b.state.elementInstances.get(bodyContext.key);
    if (!instance) return;
    if (instance.state === 'ELEMENT_TERMINATING') {
      if (b.state.elementInstances.childCount(bodyContext.key) === 0) {
        terminateActivity(b, body, bodyContext);
      }
    } else if (
      instance.state === 'ELEMENT_ACTIVATED' &&
      b.transitions.canBeCompleted(bodyContext.key)
    ) {
      // the completion condition was met and the remaining inner instances are terminated
      b.transitions.completeElement(bodyContext);
    }
  }
}
