/**
 * The process instance a call activity creates (Zeebe's CallActivityProcessor helpers and
 * BpmnStateTransitionBehavior.createChildProcessInstance / terminateChildProcessInstance):
 * finds the version of the called process its binding type names, creates the child instance with the parent
 * keys and the variables it gets, and terminates it when the call activity is left early.
 */
import type { ExecutableFlowNode, ResourceBinding } from '../../../model/types';
import type { DeployedProcess } from '../../../state/ProcessState';
import type { ProcessInstanceValue } from '../../../state/protocol/values';
import { left, right, type Either } from '../../Either';
import { contextOf, type BpmnElementContext } from '../BpmnElementContext';
import type { BpmnBehaviors } from './BpmnBehaviors';

const TERMINABLE = new Set(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING']);

export class CalledProcessBehavior {
  constructor(private readonly b: BpmnBehaviors) {}

  /** The version of the process the call activity names (static or FEEL process id). */
  findCalledProcess(
    element: ExecutableFlowNode,
    context: BpmnElementContext,
  ): Either<DeployedProcess> {
    const calledElement = element.calledElement;
    if (!calledElement) throw new Error(`Element '${element.id}' has no called element`);
    const processId = this.b.expressions.evaluateString(calledElement.processId, context.key);
    if (!processId.ok) return processId;
    const found = this.calledProcess(processId.value, calledElement.binding, context);
    if (!found.ok) return found;
    const process = found.value;
    if (process.process.noneStartEventId === undefined) {
      return left(
        `Expected process with BPMN process id '${processId.value}' to have a none start event, but not found.`,
        'CALLED_ELEMENT_ERROR',
      );
    }
    return right(process);
  }

  /** The version the binding type names (Zeebe 8.6: latest, deployment, versionTag). */
  private calledProcess(
    processId: string,
    binding: ResourceBinding | undefined,
    context: BpmnElementContext,
  ): Either<DeployedProcess> {
    const processes = this.b.state.processes;
    const tenantId = context.value.tenantId;
    let process: DeployedProcess | undefined;
    let message: string;
    if (binding?.type === 'deployment') {
      const deploymentKey =
        processes.definitions.get(context.value.processDefinitionKey)?.deploymentKey ?? '-1';
      process = processes.getProcessInDeployment(processId, deploymentKey, tenantId);
      message = `Expected to call process with BPMN process id '${processId}' with binding type 'deployment', but no such process found in the deployment with key ${deploymentKey} which contained the current process. To resolve this incident, migrate the process instance to a process definition that is deployed together with the intended process definition to call.`;
    } else if (binding?.type === 'versionTag') {
      process = processes.getLatestProcessWithVersionTag(processId, binding.versionTag, tenantId);
      message = `Expected to call process with BPMN process id '${processId}' and version tag '${binding.versionTag}', but no such process found. To resolve this incident, deploy a process with the given process id and version tag.`;
    } else {
      process = processes.getLatestProcess(processId, tenantId);
      message = `Expected process with BPMN process id '${processId}' to be deployed, but not found.`;
    }
    return process ? right(process) : left(message, 'CALLED_ELEMENT_ERROR');
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
