/** Timers of waiting timer catch events and boundary events (Zeebe's TimerInstanceState). */
import { keyColumn, numberColumn, textColumn } from './store/columns';
import { DueIndex } from './store/DueIndex';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export interface Timer {
  key: string;
  /** The waiting element instance (the catch event, or the activity of a boundary event). */
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  /** The timer event's element id. */
  targetElementId: string;
  dueDate: number;
  /** Remaining repetitions of a cycle (-1 = infinite), 1 for a one-off timer. */
  repetitions: number;
  tenantId: string;
}

export class TimerState {
  readonly timers: Table<Timer>;
  readonly due: DueIndex<Timer>;
  private readonly byElementInstance: GroupIndex<Timer>;

  constructor(journal: Journal) {
    this.timers = new Table<Timer>(
      {
        name: 'timers',
        keyColumns: ['key'],
        keyOf: (t) => t.key,
        toRow: (t) => ({
          key: t.key,
          element_instance_key: t.elementInstanceKey,
          process_instance_key: t.processInstanceKey,
          process_definition_key: t.processDefinitionKey,
          target_element_id: t.targetElementId,
          due_date: t.dueDate,
          repetitions: t.repetitions,
          tenant_id: t.tenantId,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          elementInstanceKey: keyColumn(row.element_instance_key),
          processInstanceKey: keyColumn(row.process_instance_key),
          processDefinitionKey: keyColumn(row.process_definition_key),
          targetElementId: textColumn(row.target_element_id),
          dueDate: numberColumn(row.due_date),
          repetitions: numberColumn(row.repetitions),
          tenantId: textColumn(row.tenant_id),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.due = this.timers.addIndex(new DueIndex((t) => t.dueDate));
    this.byElementInstance = this.timers.addIndex(new GroupIndex((t) => t.elementInstanceKey));
  }

  get(key: string): Timer | undefined {
    return this.timers.get(key);
  }

  ofElementInstance(elementInstanceKey: string): Timer[] {
    return this.byElementInstance
      .keys(elementInstanceKey)
      .map((key) => this.timers.get(key))
      .filter((t): t is Timer => t !== undefined);
  }

  tables(): StoredTable[] {
    return [this.timers];
  }
}
