/** VARIABLE_DOCUMENT UPDATE (SetVariables): local to the scope, or propagated up from it. */
import type { VariableDocumentValue } from '../../state/protocol/values';
import type { BpmnBehaviors } from '../bpmn/behavior/BpmnBehaviors';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

const ACTIVE = new Set(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING']);

export class VariableDocumentUpdateProcessor implements CommandProcessor<VariableDocumentValue> {
  constructor(private readonly b: BpmnBehaviors) {}

  process(command: TypedCommand<VariableDocumentValue>, ctx: ProcessingContext): void {
    const { scopeKey, updateSemantics, variables } = command.value;
    const scope = ctx.state.elementInstances.get(scopeKey);
    if (!scope || !ACTIVE.has(scope.state)) {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to update variables for element with key '${scopeKey}', but no such element was found`,
      );
    }
    if (updateSemantics === 'LOCAL')
      this.b.variables.mergeLocalDocument(scopeKey, variables, scope);
    else this.b.variables.mergeDocument(scopeKey, variables, scope);
    const key = ctx.state.keys.nextKey();
    ctx.writers.appendEvent(key, 'VARIABLE_DOCUMENT', 'UPDATED', {
      ...command.value,
      tenantId: scope.tenantId,
    });
    ctx.respond({ key });
  }
}
