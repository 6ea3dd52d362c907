/**
 * Finds the catch event for a thrown BPMN error (Zeebe's CatchEventAnalyzer): from the throwing
 * element instance up through its flow scopes, the error event subprocesses and error boundary
 * events of each scope — one with the exact error code first, then a catch-all. Not found is a
 * Failure with Zeebe's text.
 */
import type { ExecutableFlowNode, ExecutableProcess } from '../../../model/types';
import type { ElementInstance } from '../../../state/ElementInstanceState';
import type { EngineState } from '../../../state/EngineState';
import { left, right, type Either } from '../../Either';
import { elementOfRecord } from '../container/multiInstanceElements';
import type { BpmnEventTriggerBehavior } from './BpmnEventTriggerBehavior';

export interface ErrorCatchEvent {
  instance: ElementInstance;
  catchEvent: ExecutableFlowNode;
}

const ACTIVE = new Set(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING']);

export class BpmnErrorBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly triggers: BpmnEventTriggerBehavior,
  ) {}

  findErrorCatchEvent(
    errorCode: string,
    thrownAt: ElementInstance | undefined,
    errorMessage?: string,
  ): Either<ErrorCatchEvent> {
    const available: string[] = [];
    let instance = thrownAt;
    // a scope interrupted by an event subprocess catches nothing more (Zeebe's CatchEventAnalyzer)
    while (
      instance &&
      ACTIVE.has(instance.state) &&
      instance.runtime.interruptingKey === undefined
    ) {
      const found = this.findInScope(errorCode, instance, available);
      if (found) return right({ instance, catchEvent: found });
      // from a called process instance on to its call activity in the parent instance
      instance = this.state.elementInstances.get(
        instance.elementType === 'PROCESS'
          ? instance.parentElementInstanceKey
          : instance.flowScopeKey,
      );
    }
    const withMessage = errorMessage ? ` with message '${errorMessage}'` : '';
    const events =
      available.length === 0
        ? ' No error events are available in the scope.'
        : ` Available error events are [${available.join(', ')}]`;
    return left(
      `Expected to throw an error event with the code '${errorCode}'${withMessage}, but it was not caught.${events}`,
      'UNHANDLED_ERROR_EVENT',
    );
  }

  private findInScope(
    errorCode: string,
    instance: ElementInstance,
    available: string[],
  ): ExecutableFlowNode | undefined {
    const process = this.state.processes.getModel(instance.processDefinitionKey);
    const modelElement = process?.elements.get(instance.elementId);
    if (!process || !modelElement) return undefined;
    // boundary events of a multi-instance activity belong to its body
    const element = elementOfRecord(modelElement, instance.elementType);
    const catchEvents = [...eventSubProcessStartIds(process, element), ...element.boundaryEventIds]
      .map((id) => process.elements.get(id))
      .filter((e): e is ExecutableFlowNode => e?.eventType === 'ERROR' && !isExpressionCode(e))
      // code-specific catch events before catch-all ones, as Zeebe orders them
      .sort((a, b) => codeOf(b).localeCompare(codeOf(a)));
    for (const catchEvent of catchEvents) {
      const code = codeOf(catchEvent);
      available.push(code);
      if (code === '' || code === errorCode) return catchEvent;
    }
    return undefined;
  }

  /** Activates the found catch event (boundary event or event subprocess) with the error's variables. */
  throwErrorEvent(found: ErrorCatchEvent, variables: Record<string, unknown>): void {
    this.triggers.triggerCatchElement(found.instance, found.catchEvent, variables);
  }
}

/** The start events of the event subprocesses of a container element (none for other elements). */
export function eventSubProcessStartIds(
  process: ExecutableProcess,
  element: ExecutableFlowNode,
): string[] {
  return (element.eventSubProcessIds ?? []).flatMap(
    (id) => process.elements.get(id)?.startEventIds ?? [],
  );
}

function codeOf(catchEvent: ExecutableFlowNode): string {
  return catchEvent.error?.errorCode ?? '';
}

function isExpressionCode(catchEvent: ExecutableFlowNode): boolean {
  return catchEvent.error?.errorCode?.trimStart().startsWith('=') ?? false;
}
