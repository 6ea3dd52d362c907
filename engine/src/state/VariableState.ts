/**
 * Variables by scope (Zeebe's VariableState). A scope is an element instance key; the process
 * instance key is the root scope. Values are plain JSON values.
 */
import { jsonColumn, keyColumn, textColumn } from './store/columns';
import type { ElementInstanceState } from './ElementInstanceState';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export interface Variable {
  key: string;
  scopeKey: string;
  name: string;
  value: unknown;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  tenantId: string;
}

export class VariableState {
  readonly variables: Table<Variable>;
  private readonly byScope: GroupIndex<Variable>;
  /** scopeKey + name → variable key. */
  private readonly byName = new Map<string, string>();

  constructor(
    journal: Journal,
    private readonly elementInstances: ElementInstanceState,
  ) {
    this.variables = new Table<Variable>(
      {
        name: 'variables',
        keyColumns: ['key'],
        keyOf: (v) => v.key,
        toRow: (v) => ({
          key: v.key,
          scope_key: v.scopeKey,
          name: v.name,
          value: v.value,
          process_instance_key: v.processInstanceKey,
          process_definition_key: v.processDefinitionKey,
          bpmn_process_id: v.bpmnProcessId,
          tenant_id: v.tenantId,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          scopeKey: keyColumn(row.scope_key),
          name: textColumn(row.name),
          value: jsonColumn<unknown>(row.value),
          processInstanceKey: keyColumn(row.process_instance_key),
          processDefinitionKey: keyColumn(row.process_definition_key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          tenantId: textColumn(row.tenant_id),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.byScope = this.variables.addIndex(new GroupIndex((v) => v.scopeKey));
    const byName = this.byName;
    this.variables.addIndex({
      onPut: (key, value) => void byName.set(`${value.scopeKey}\u0000${value.name}`, key),
      onDelete: (_key, previous) =>
        void byName.delete(`${previous.scopeKey}\u0000${previous.name}`),
      clear: () => byName.clear(),
    });
  }

  getLocal(scopeKey: string, name: string): Variable | undefined {
    const key = this.byName.get(`${scopeKey}\u0000${name}`);
    return key === undefined ? undefined : this.variables.get(key);
  }

  /** Local variables of one scope, by name. */
  getLocals(scopeKey: string): Variable[] {
    const found: Variable[] = [];
    for (const key of this.byScope.iterate(scopeKey)) {
      const variable = this.variables.get(key);
      if (variable) found.push(variable);
    }
    return found;
  }

  variableKeysOfScope(scopeKey: string): string[] {
    return this.byScope.keys(scopeKey);
  }

  /** The scope chain from `scopeKey` up to the process instance (inclusive). */
  scopeChain(scopeKey: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = scopeKey;
    while (current !== undefined && current !== '-1') {
      chain.push(current);
      current = this.elementInstances.get(current)?.flowScopeKey;
    }
    return chain;
  }

  /** Variables visible at a scope: all scopes merged, the nearest (local) wins. */
  getVisible(scopeKey: string, names?: readonly string[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const chain = this.scopeChain(scopeKey);
    if (names && names.length > 0) {
      for (const name of names) {
        for (const scope of chain) {
          const variable = this.getLocal(scope, name);
          if (variable) {
            result[name] = variable.value;
            break;
          }
        }
      }
      return result;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      for (const variable of this.getLocals(chain[i]!)) result[variable.name] = variable.value;
    }
    return result;
  }

  /** The nearest scope (from `scopeKey` up) that has a variable of that name. */
  findScopeWith(scopeKey: string, name: string): Variable | undefined {
    for (const scope of this.scopeChain(scopeKey)) {
      const variable = this.getLocal(scope, name);
      if (variable) return variable;
    }
    return undefined;
  }

  tables(): StoredTable[] {
    return [this.variables];
  }
}
