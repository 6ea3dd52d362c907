/**
 * Executes every element that carries multi-instance loop characteristics. An instance of such
 * an element is either the body (bpmnElementType MULTI_INSTANCE_BODY) — handled by
 * MultiInstanceBodyProcessor — or an inner instance, handled by the processor of the activity
 * itself (task, subprocess, call activity) after the body has set its loop variables
 * (Zeebe's onChildActivating / beforeExecutionPathCompleted hooks).
 */
import type { ExecutableFlowNode } from '../../../model/types';
import { right, type Either } from '../../Either';
import { contextOf, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnContainerProcessor, BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { MultiInstanceBodyProcessor } from './MultiInstanceBodyProcessor';
import { innerActivityOf, multiInstanceBodyOf } from './multiInstanceElements';

export interface InnerActivityProcessors {
  forElement(element: ExecutableFlowNode): BpmnElementProcessor;
  containerFor(element: ExecutableFlowNode): BpmnContainerProcessor | undefined;
}

const isBody = (context: BpmnElementContext) =>
  context.value.bpmnElementType === 'MULTI_INSTANCE_BODY';

export class MultiInstanceActivityProcessor implements BpmnContainerProcessor {
  private readonly body: MultiInstanceBodyProcessor;

  constructor(
    private readonly b: BpmnBehaviors,
    private readonly inner: InnerActivityProcessors,
  ) {
    this.body = new MultiInstanceBodyProcessor(b);
  }

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    if (isBody(context)) return this.body.onActivate(multiInstanceBodyOf(element), context);
    const bodyInstance = this.b.state.elementInstances.get(context.value.flowScopeKey);
    if (!bodyInstance) throw new Error(`Multi-instance body of '${context.key}' not found`);
    const loop = this.body.onChildActivating(
      multiInstanceBodyOf(element),
      contextOf(bodyInstance),
      context,
    );
    if (!loop.ok) return this.b.incidents.createIncident(loop.failure, context);
    const activity = innerActivityOf(element);
    this.inner.forElement(activity).onActivate(activity, context);
  }

  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void {
    if (isBody(context)) return this.body.onComplete(multiInstanceBodyOf(element), context);
    const activity = innerActivityOf(element);
    this.inner.forElement(activity).onComplete(activity, context);
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    if (isBody(context)) return this.body.onTerminate(multiInstanceBodyOf(element), context);
    const activity = innerActivityOf(element);
    this.inner.forElement(activity).onTerminate(activity, context);
  }

  beforeChildCompleted(
    element: ExecutableFlowNode,
    flowScope: BpmnElementContext,
    child: BpmnElementContext,
  ): Either<boolean> {
    if (isBody(flowScope)) {
      return this.body.beforeChildCompleted(multiInstanceBodyOf(element), flowScope, child);
    }
    const activity = innerActivityOf(element);
    const container = this.inner.containerFor(activity);
    return container?.beforeChildCompleted?.(activity, flowScope, child) ?? right(false);
  }

  onChildCompleted(
    element: ExecutableFlowNode,
    flowScope: BpmnElementContext,
    child: BpmnElementContext,
    satisfiesCompletionCondition?: boolean,
  ): void {
    if (isBody(flowScope)) {
      const body = multiInstanceBodyOf(element);
      return this.body.onChildCompleted(body, flowScope, child, satisfiesCompletionCondition);
    }
    const activity = innerActivityOf(element);
    this.inner
      .containerFor(activity)
      ?.onChildCompleted(activity, flowScope, child, satisfiesCompletionCondition);
  }

  onChildTerminated(
    element: ExecutableFlowNode,
    flowScope: BpmnElementContext,
    child: BpmnElementContext,
  ): void {
    if (isBody(flowScope)) {
      return this.body.onChildTerminated(multiInstanceBodyOf(element), flowScope);
    }
    const activity = innerActivityOf(element);
    this.inner.containerFor(activity)?.onChildTerminated(activity, flowScope, child);
  }
}
