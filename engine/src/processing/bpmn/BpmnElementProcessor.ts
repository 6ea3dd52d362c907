/**
 * The behaviour of one kind of BPMN element (Zeebe's BpmnElementProcessor): what happens when
 * an instance of it is activated, completed or terminated. Containers also hear about their
 * children ending. Add a new element kind by writing one of these and listing it in
 * BpmnElementProcessors.
 */
import type { ExecutableFlowNode } from '../../model/types';
import type { Either } from '../Either';
import type { BpmnElementContext } from './BpmnElementContext';

export interface BpmnElementProcessor {
  /** Called with the instance in ELEMENT_ACTIVATING (also when an incident is resolved). */
  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void;
  /** Called with the instance in ELEMENT_COMPLETING (also when an incident is resolved). */
  onComplete(element: ExecutableFlowNode, context: BpmnElementContext): void;
  /** Called with the instance in ELEMENT_TERMINATING. */
  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void;
}

export interface BpmnContainerProcessor extends BpmnElementProcessor {
  /**
   * A child that ends a path (no outgoing flows) is about to complete; a failure becomes an
   * incident on the child. The value is handed to onChildCompleted (Zeebe's
   * beforeExecutionPathCompleted: a multi-instance body collects the output and evaluates its
   * completion condition here).
   */
  beforeChildCompleted?(
    element: ExecutableFlowNode,
    flowScope: BpmnElementContext,
    child: BpmnElementContext,
  ): Either<boolean>;
  onChildCompleted(
    element: ExecutableFlowNode,
    flowScope: BpmnElementContext,
    child: BpmnElementContext,
    satisfiesCompletionCondition?: boolean,
  ): void;
  onChildTerminated(
    element: ExecutableFlowNode,
    flowScope: BpmnElementContext,
    child: BpmnElementContext,
  ): void;
}

export function isContainer(processor: BpmnElementProcessor): processor is BpmnContainerProcessor {
  return 'onChildCompleted' in processor;
}
