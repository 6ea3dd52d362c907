/**
 * Sets variables as Zeebe's VariableBehavior does: a local document goes to one scope; a
 * propagated document sets each variable on the nearest scope (from the given one up) that
 * already has it, or else on the process instance. Unchanged values write nothing.
 */
import type { EngineState } from '../../../state/EngineState';
import type { VariableValue } from '../../../state/protocol/values';
import type { Writers } from '../../Writers';

/** Where the variables belong (taken from any record of the process instance). */
export interface VariableOwner {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  tenantId: string;
}

export class VariableBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
  ) {}

  setLocal(scopeKey: string, name: string, value: unknown, owner: VariableOwner): void {
    const existing = this.state.variables.getLocal(scopeKey, name);
    const json = JSON.stringify(value ?? null);
    if (existing && JSON.stringify(existing.value ?? null) === json) return;
    const record: VariableValue = {
      name,
      value: json,
      scopeKey,
      processInstanceKey: owner.processInstanceKey,
      processDefinitionKey: owner.processDefinitionKey,
      bpmnProcessId: owner.bpmnProcessId,
      tenantId: owner.tenantId,
    };
    if (existing) {
      this.writers.appendEvent(existing.key, 'VARIABLE', 'UPDATED', record);
    } else {
      this.writers.appendEvent(this.state.keys.nextKey(), 'VARIABLE', 'CREATED', record);
    }
  }

  mergeLocalDocument(
    scopeKey: string,
    document: Record<string, unknown>,
    owner: VariableOwner,
  ): void {
    for (const [name, value] of Object.entries(document))
      this.setLocal(scopeKey, name, value, owner);
  }

  mergeDocument(scopeKey: string, document: Record<string, unknown>, owner: VariableOwner): void {
    for (const [name, value] of Object.entries(document)) {
      const existing = this.state.variables.findScopeWith(scopeKey, name);
      const target = existing ? existing.scopeKey : owner.processInstanceKey;
      this.setLocal(target, name, value, owner);
    }
  }
}
