/**
 * Elements the model accepts but this engine does not execute yet (call activities,
 * multi-instance, inclusive and event-based gateways, event subprocesses, …): an incident on
 * activation, so the instance stops visibly instead of failing the command.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnElementProcessor } from '../BpmnElementProcessor';
import type { BpmnBehaviors } from '../behavior/BpmnBehaviors';
import { terminateElement } from '../activitySteps';

export class UnsupportedElementProcessor implements BpmnElementProcessor {
  constructor(private readonly b: BpmnBehaviors) {}

  onActivate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    const what = element.multiInstance
      ? `multi-instance ${element.elementType}`
      : element.elementType;
    this.b.incidents.createIncident(
      {
        message: `Expected to execute element '${element.id}' of type ${what}, but this engine does not support it yet`,
        errorType: 'UNKNOWN',
      },
      context,
    );
  }

  onComplete(): void {
    throw new Error('An unsupported element cannot complete');
  }

  onTerminate(element: ExecutableFlowNode, context: BpmnElementContext): void {
    terminateElement(this.b, element, context);
  }
}
