/**
 * Live element instances (Zeebe's ElementInstanceState) and the process instance rows. An
 * element instance is removed when it completes or terminates; process instance rows stay in
 * the database with their final state but leave memory.
 */
import type { ElementType, EventType } from '../model/types';
import { jsonColumn, keyColumn, numberColumn, textColumn } from './store/columns';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export type ElementInstanceLifecycle =
  'ELEMENT_ACTIVATING' | 'ELEMENT_ACTIVATED' | 'ELEMENT_COMPLETING' | 'ELEMENT_TERMINATING';

export interface ElementRuntime {
  /** Sequence flows taken inside this scope whose target is not activated yet. */
  activeFlows: number;
  /** Joining gateways inside this scope: gateway id → ids of incoming flows taken (with count). */
  takenFlows?: Record<string, Record<string, number>>;
  /** Job of a job worker element. */
  jobKey?: string;
  /**
   * Multi-instance: on an inner instance its 1-based index in the input collection; on the body
   * the loop counter of the inner instance created last.
   */
  loopCounter?: number;
  /** Multi-instance body: inner instances created, completed and terminated so far. */
  numberOfInstances?: number;
  numberOfCompletedInstances?: number;
  numberOfTerminatedInstances?: number;
  /** Call activity: the key of the process instance it created. */
  calledChildInstanceKey?: string;
  /**
   * A scope interrupted by an interrupting event subprocess: the key of that event subprocess
   * instance (Zeebe's interruptingElementId). The scope accepts no further events.
   */
  interruptingKey?: string;
}

export interface ElementInstance {
  key: string;
  processInstanceKey: string;
  /** -1 for the process instance itself. */
  flowScopeKey: string;
  elementId: string;
  elementType: ElementType;
  eventType: EventType;
  state: ElementInstanceLifecycle;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  parentProcessInstanceKey: string;
  parentElementInstanceKey: string;
  runtime: ElementRuntime;
}

export type ProcessInstanceStatus = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ProcessInstanceRow {
  key: string;
  bpmnProcessId: string;
  processDefinitionKey: string;
  version: number;
  tenantId: string;
  state: ProcessInstanceStatus;
  parentProcessInstanceKey: string;
  parentElementInstanceKey: string;
  startDate: number;
  endDate: number | null;
}

export class ElementInstanceState {
  readonly instances: Table<ElementInstance>;
  readonly processInstances: Table<ProcessInstanceRow>;
  private readonly children: GroupIndex<ElementInstance>;

  constructor(journal: Journal) {
    this.instances = new Table<ElementInstance>(
      {
        name: 'element_instances',
        keyColumns: ['key'],
        keyOf: (e) => e.key,
        toRow: (e) => ({
          key: e.key,
          process_instance_key: e.processInstanceKey,
          flow_scope_key: e.flowScopeKey,
          element_id: e.elementId,
          element_type: e.elementType,
          event_type: e.eventType,
          state: e.state,
          process_definition_key: e.processDefinitionKey,
          bpmn_process_id: e.bpmnProcessId,
          version: e.version,
          tenant_id: e.tenantId,
          parent_process_instance_key: e.parentProcessInstanceKey,
          parent_element_instance_key: e.parentElementInstanceKey,
          runtime: e.runtime,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          processInstanceKey: keyColumn(row.process_instance_key),
          flowScopeKey: keyColumn(row.flow_scope_key),
          elementId: textColumn(row.element_id),
          elementType: textColumn(row.element_type) as ElementType,
          eventType: textColumn(row.event_type) as EventType,
          state: textColumn(row.state) as ElementInstanceLifecycle,
          processDefinitionKey: keyColumn(row.process_definition_key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          version: numberColumn(row.version),
          tenantId: textColumn(row.tenant_id),
          parentProcessInstanceKey: keyColumn(row.parent_process_instance_key),
          parentElementInstanceKey: keyColumn(row.parent_element_instance_key),
          runtime: jsonColumn<ElementRuntime>(row.runtime),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.children = this.instances.addIndex(
      new GroupIndex((e) => (e.flowScopeKey === '-1' ? undefined : e.flowScopeKey)),
    );
    this.processInstances = new Table<ProcessInstanceRow>(
      {
        name: 'process_instances',
        keyColumns: ['key'],
        keyOf: (p) => p.key,
        toRow: (p) => ({
          key: p.key,
          bpmn_process_id: p.bpmnProcessId,
          process_definition_key: p.processDefinitionKey,
          version: p.version,
          tenant_id: p.tenantId,
          state: p.state,
          parent_process_instance_key: p.parentProcessInstanceKey,
          parent_element_instance_key: p.parentElementInstanceKey,
          start_date: p.startDate,
          end_date: p.endDate,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          processDefinitionKey: keyColumn(row.process_definition_key),
          version: numberColumn(row.version),
          tenantId: textColumn(row.tenant_id),
          state: textColumn(row.state) as ProcessInstanceStatus,
          parentProcessInstanceKey: keyColumn(row.parent_process_instance_key),
          parentElementInstanceKey: keyColumn(row.parent_element_instance_key),
          startDate: numberColumn(row.start_date),
          endDate: row.end_date === null ? null : numberColumn(row.end_date),
        }),
        loadFilter: (query) => query.where('state', 'ACTIVE'),
        keepInMemory: (p) => p.state === 'ACTIVE',
      },
      journal,
    );
  }

  get(key: string): ElementInstance | undefined {
    return this.instances.get(key);
  }

  /** Keys of the live child instances of a flow scope, oldest first. */
  childKeys(flowScopeKey: string): string[] {
    return this.children.keys(flowScopeKey);
  }

  childCount(flowScopeKey: string): number {
    return this.children.count(flowScopeKey);
  }

  /** Live child instances of a scope with the given element id. */
  childrenWithElementId(flowScopeKey: string, elementId: string): ElementInstance[] {
    const found: ElementInstance[] = [];
    for (const key of this.children.iterate(flowScopeKey)) {
      const child = this.instances.get(key);
      if (child?.elementId === elementId) found.push(child);
    }
    return found;
  }

  tables(): StoredTable[] {
    return [this.instances, this.processInstances];
  }
}
