/**
 * Pending event triggers (Zeebe's EventScopeInstanceState): the variables an event brought
 * (job completion, message, error) for the element instance that will consume them — the
 * completing task, or a boundary event about to be activated.
 */
import { jsonColumn, keyColumn, textColumn } from './store/columns';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export interface EventTrigger {
  elementInstanceKey: string;
  eventKey: string;
  elementId: string;
  variables: Record<string, unknown>;
  processInstanceKey: string;
}

export class EventTriggerState {
  readonly triggers: Table<EventTrigger>;

  constructor(journal: Journal) {
    this.triggers = new Table<EventTrigger>(
      {
        name: 'event_triggers',
        keyColumns: ['element_instance_key'],
        keyOf: (t) => t.elementInstanceKey,
        toRow: (t) => ({
          element_instance_key: t.elementInstanceKey,
          event_key: t.eventKey,
          element_id: t.elementId,
          variables: t.variables,
          process_instance_key: t.processInstanceKey,
        }),
        fromRow: (row) => ({
          elementInstanceKey: keyColumn(row.element_instance_key),
          eventKey: keyColumn(row.event_key),
          elementId: textColumn(row.element_id),
          variables: jsonColumn<Record<string, unknown>>(row.variables),
          processInstanceKey: keyColumn(row.process_instance_key),
        }),
      },
      journal,
    );
  }

  get(elementInstanceKey: string): EventTrigger | undefined {
    return this.triggers.get(elementInstanceKey);
  }

  tables(): StoredTable[] {
    return [this.triggers];
  }
}
