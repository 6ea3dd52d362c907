/**
 * PROCESS_INSTANCE_MODIFICATION MODIFY (Zeebe's ProcessInstanceModificationModifyProcessor):
 * checks every instruction first (validateModification), then applies all activate
 * instructions (variables set before the element activates), then all terminate instructions,
 * and writes MODIFIED. All or nothing: a failure found on the way (several flow scope
 * instances to choose from, a multi-instance scope, a subscription that cannot open, the last
 * element of a called instance) undoes what was written and rejects with INVALID_ARGUMENT.
 */
import type { ElementInstance } from '../../state/ElementInstanceState';
import type { ProcessInstanceModificationValue } from '../../state/protocol/values';
import type { BpmnBehaviors } from '../bpmn/behavior/BpmnBehaviors';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import {
  ElementActivationBehavior,
  NO_ANCESTOR,
  type Outcome,
} from './modification/ElementActivationBehavior';
import { ElementTerminationBehavior } from './modification/ElementTerminationBehavior';
import { isSelectedAncestor, validateModification } from './modification/validateModification';

type Instruction = ProcessInstanceModificationValue['activateInstructions'][number];

export class ProcessInstanceModifyProcessor implements CommandProcessor<ProcessInstanceModificationValue> {
  private readonly activation: ElementActivationBehavior;
  private readonly termination: ElementTerminationBehavior;

  constructor(private readonly b: BpmnBehaviors) {
    this.activation = new ElementActivationBehavior(b);
    this.termination = new ElementTerminationBehavior(b);
  }

  process(command: TypedCommand<ProcessInstanceModificationValue>, ctx: ProcessingContext): void {
    const value = command.value;
    const processInstance = ctx.state.elementInstances.get(value.processInstanceKey);
    const process = processInstance
      ? ctx.state.processes.getModel(processInstance.processDefinitionKey)
      : undefined;
    if (!processInstance || processInstance.elementType !== 'PROCESS' || !process) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to modify process instance but no process instance found with key '${value.processInstanceKey}'`,
      );
    }
    const valid = validateModification(ctx.state, process, value);
    if (!valid.ok) return ctx.reject('INVALID_ARGUMENT', valid.reason);

    // expected failures below come after events were written: undo them before rejecting
    const journal = ctx.state.journal.mark();
    const log = ctx.state.log.mark();
    const effects = ctx.sideEffectMark();
    const applied = this.apply(processInstance, value);
    if (!applied.ok) {
      ctx.state.journal.rollbackTo(journal);
      ctx.state.log.rollbackTo(log);
      ctx.writers.dropFollowUps();
      ctx.dropSideEffects(effects);
      return ctx.reject('INVALID_ARGUMENT', applied.reason);
    }
    const modified: ProcessInstanceModificationValue = {
      ...value,
      activateInstructions: applied.value,
      tenantId: processInstance.tenantId,
    };
    ctx.writers.appendEvent(command.key, 'PROCESS_INSTANCE_MODIFICATION', 'MODIFIED', modified);
    ctx.respond(undefined);
  }

  private apply(
    processInstance: ElementInstance,
    value: ProcessInstanceModificationValue,
  ): Outcome<Instruction[]> {
    const process = this.b.state.processes.getModel(processInstance.processDefinitionKey)!;
    const requiredScopeKeys = new Set<string>();
    const instructions: Instruction[] = [];
    for (const instruction of value.activateInstructions) {
      const element = process.elements.get(instruction.elementId)!;
      const ancestor = isSelectedAncestor(instruction.ancestorScopeKey)
        ? instruction.ancestorScopeKey
        : NO_ANCESTOR;
      const activated = this.activation.activateElement(
        processInstance,
        process,
        element,
        ancestor,
        (elementId, scopeKey) =>
          this.setVariables(instruction, elementId, scopeKey, processInstance),
      );
      if (!activated.ok) return activated;
      for (const key of activated.value) requiredScopeKeys.add(key);
      instructions.push({ ...instruction, ancestorScopeKeys: activated.value });
    }
    for (const { elementInstanceKey } of value.terminateInstructions) {
      // an earlier instruction may have terminated it already (a subprocess around it)
      const instance = this.b.state.elementInstances.get(elementInstanceKey);
      if (!instance) continue;
      const terminated = this.termination.terminate(instance, requiredScopeKeys);
      if (!terminated.ok) return terminated;
    }
    return { ok: true, value: instructions };
  }

  /** The variable instructions for this scope; those without scope id go to the process. */
  private setVariables(
    instruction: Instruction,
    elementId: string,
    scopeKey: string,
    processInstance: ElementInstance,
  ): void {
    for (const variables of instruction.variableInstructions) {
      const forScope =
        variables.elementId === elementId ||
        (variables.elementId === '' && elementId === processInstance.elementId);
      if (!forScope) continue;
      this.b.variables.mergeLocalDocument(scopeKey, variables.variables, {
        processInstanceKey: processInstance.key,
        processDefinitionKey: processInstance.processDefinitionKey,
        bpmnProcessId: processInstance.bpmnProcessId,
        tenantId: processInstance.tenantId,
      });
    }
  }
}
