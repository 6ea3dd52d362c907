/**
 * The process instance a call activity creates (Zeebe's CallActivityProcessor helpers and
 * BpmnStateTransitionBehavior.createChildProcessInstance / terminateChildProcessInstance):
 * finds the latest version of the called process, creates the child instance with the parent
 * keys and the variables it gets, and terminates it when the call activity is left early.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { DeployedProcess } from '../../../state/ProcessState';
import type { ProcessInstanceValue } from '../../../state/protocol/values';
import { left, right, type Either } from '../../Either';
import { contextOf, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnBehaviors } from './BpmnBehaviors';

const TERMINABLE = new Set(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING']);

export class CalledProcessBehavior {
  constructor(private readonly b: BpmnBehaviors) {}

  /** The latest version of the process the call activity names (static or FEEL process id). */
  findCalledProcess(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
  ): Either<DeployedProcess> {
    const calledElement = element.calledElement;
    if (!calledElement) throw new Error(`Element '${element.id}' has no called element`);
    const processId = this.b.expressions.evaluateString(calledElement.processId, context.key);
    if (!processId.ok) return processId;
    const process = this.b.state.processes.getLatestProcess(
      processId.value,
      context.value.tenantId,
    );
    if (!process) {
      return left(
        `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`,
        'CALLED_ELEMENT_ERROR',
      );
    }
    if (process.process.noneStartEventId === undefined) {
      return left(
        `Expected process with BPMN process id '${processId.value}' to have a none start event, but not found.`,
        'CALLED_ELEMENT_ERROR',
      );
    }
    return right(process);
  }

  /**
   * Creates the child process instance: its variables first — all variables visible at the call
   * activity, or only its local ones (input mappings) when propagateAllParentVariables is off —
   * then the activation of the process.
   */
  createChildProcessInstance(
    process: DeployedProcess,
    element: ExecutableFlowNode,
    context: BpmnElementContext,
  ): string {
    const processInstanceKey = this.b.state.keys.nextKey();
    const value: ProcessInstanceValue = {
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      processDefinitionKey: process.key,
      processInstanceKey,
      elementId: process.process.bpmnProcessId,
      flowScopeKey: '-1',
      bpmnElementType: 'PROCESS',
      bpmnEventType: 'UNSPECIFIED',
      parentProcessInstanceKey: context.value.processInstanceKey,
      parentElementInstanceKey: context.key,
      tenantId: context.value.tenantId,
    };
    const variables = this.b.state.variables;
    if (element.calledElement?.propagateAllParentVariables !== false) {
      this.b.variables.mergeLocalDocument(
        processInstanceKey,
        variables.getVisible(context.key),
        value,
      );
    } else if (element.inputMappings.length > 0) {
      const locals: Record<string, unknown> = {};
      for (const variable of variables.getLocals(context.key))
        locals[variable.name] = variable.value;
      this.b.variables.mergeLocalDocument(processInstanceKey, locals, value);
    }
    this.b.transitions.activateElement(processInstanceKey, value);
    return processInstanceKey;
  }

  /**
   * Terminates the process instance the call activity created. False when there is none left
   * to wait for (it never started or already ended): the call activity terminates at once.
   */
  terminateChildProcessInstance(context: BpmnElementContext): boolean {
    const childKey = this.b.state.elementInstances.get(context.key)?.runtime.calledChildInstanceKey;
    const child = childKey === undefined ? undefined : this.b.state.elementInstances.get(childKey);
    if (!child) return false;
    if (TERMINABLE.has(child.state)) this.b.transitions.terminateElement(contextOf(child));
    return true;
  }
}
