/** Open signal subscriptions of waiting elements (Zeebe's SignalSubscriptionState). */
import { keyColumn, textColumn } from './store/columns';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export interface SignalSubscription {
  key: string;
  signalName: string;
  elementInstanceKey: string;
  catchEventId: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  tenantId: string;
}

const bySignal = (tenantId: string, signalName: string) => `${tenantId}\u0000${signalName}`;

export class SignalSubscriptionState {
  readonly subscriptions: Table<SignalSubscription>;
  private readonly bySignal: GroupIndex<SignalSubscription>;
  private readonly byElementInstance: GroupIndex<SignalSubscription>;

  constructor(journal: Journal) {
    this.subscriptions = new Table<SignalSubscription>(
      {
        name: 'signal_subscriptions',
        keyColumns: ['key'],
        keyOf: (s) => s.key,
        toRow: (s) => ({
          key: s.key,
          signal_name: s.signalName,
          element_instance_key: s.elementInstanceKey,
          catch_event_id: s.catchEventId,
          process_instance_key: s.processInstanceKey,
          process_definition_key: s.processDefinitionKey,
          bpmn_process_id: s.bpmnProcessId,
          tenant_id: s.tenantId,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          signalName: textColumn(row.signal_name),
          elementInstanceKey: keyColumn(row.element_instance_key),
          catchEventId: textColumn(row.catch_event_id),
          processInstanceKey: keyColumn(row.process_instance_key),
          processDefinitionKey: keyColumn(row.process_definition_key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          tenantId: textColumn(row.tenant_id),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.bySignal = this.subscriptions.addIndex(
      new GroupIndex((s) => bySignal(s.tenantId, s.signalName)),
    );
    this.byElementInstance = this.subscriptions.addIndex(
      new GroupIndex((s) => s.elementInstanceKey),
    );
  }

  forSignal(tenantId: string, signalName: string): SignalSubscription[] {
    return this.bySignal
      .keys(bySignal(tenantId, signalName))
      .map((key) => this.subscriptions.get(key))
      .filter((s): s is SignalSubscription => s !== undefined);
  }

  ofElementInstance(elementInstanceKey: string): SignalSubscription[] {
    return this.byElementInstance
      .keys(elementInstanceKey)
      .map((key) => this.subscriptions.get(key))
      .filter((s): s is SignalSubscription => s !== undefined);
  }

  tables(): StoredTable[] {
    return [this.subscriptions];
  }
}
