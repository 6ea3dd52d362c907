/**
 * Message start events (Zeebe's MessageStartEventSubscriptionState and the "active process
 * instance by correlation key" part of its MessageState): the open subscriptions of the latest
 * version of each process with message start events, and — for instances a message with a
 * correlation key started — that key, so no second instance starts for it while one is active.
 */
import { keyColumn, textColumn } from './store/columns';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export interface MessageStartEventSubscription {
  key: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  startEventId: string;
  messageName: string;
  tenantId: string;
}

/** A running process instance that a message with a (non-empty) correlation key started. */
export interface MessageStartedInstance {
  processInstanceKey: string;
  bpmnProcessId: string;
  correlationKey: string;
  tenantId: string;
}

const byName = (tenantId: string, messageName: string) => `${tenantId}\u0000${messageName}`;
const byCorrelationKey = (tenantId: string, bpmnProcessId: string, correlationKey: string) =>
  `${tenantId}\u0000${bpmnProcessId}\u0000${correlationKey}`;

export class MessageStartEventSubscriptionState {
  readonly subscriptions: Table<MessageStartEventSubscription>;
  readonly startedInstances: Table<MessageStartedInstance>;
  private readonly subscriptionsByName: GroupIndex<MessageStartEventSubscription>;
  private readonly subscriptionsByDefinition: GroupIndex<MessageStartEventSubscription>;
  private readonly instancesByCorrelationKey: GroupIndex<MessageStartedInstance>;

  constructor(journal: Journal) {
    this.subscriptions = new Table<MessageStartEventSubscription>(
      {
        name: 'message_start_event_subscriptions',
        keyColumns: ['key'],
        keyOf: (s) => s.key,
        toRow: (s) => ({
          key: s.key,
          process_definition_key: s.processDefinitionKey,
          bpmn_process_id: s.bpmnProcessId,
          start_event_id: s.startEventId,
          message_name: s.messageName,
          tenant_id: s.tenantId,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          processDefinitionKey: keyColumn(row.process_definition_key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          startEventId: textColumn(row.start_event_id),
          messageName: textColumn(row.message_name),
          tenantId: textColumn(row.tenant_id),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.subscriptionsByName = this.subscriptions.addIndex(
      new GroupIndex((s) => byName(s.tenantId, s.messageName)),
    );
    this.subscriptionsByDefinition = this.subscriptions.addIndex(
      new GroupIndex((s) => s.processDefinitionKey),
    );
    this.startedInstances = new Table<MessageStartedInstance>(
      {
        name: 'message_started_instances',
        keyColumns: ['process_instance_key'],
        keyOf: (i) => i.processInstanceKey,
        toRow: (i) => ({
          process_instance_key: i.processInstanceKey,
          bpmn_process_id: i.bpmnProcessId,
          correlation_key: i.correlationKey,
          tenant_id: i.tenantId,
        }),
        fromRow: (row) => ({
          processInstanceKey: keyColumn(row.process_instance_key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          correlationKey: textColumn(row.correlation_key),
          tenantId: textColumn(row.tenant_id),
        }),
      },
      journal,
    );
    this.instancesByCorrelationKey = this.startedInstances.addIndex(
      new GroupIndex((i) => byCorrelationKey(i.tenantId, i.bpmnProcessId, i.correlationKey)),
    );
  }

  /** Open subscriptions for a message name, oldest first. */
  forMessageName(tenantId: string, messageName: string): MessageStartEventSubscription[] {
    return this.subscriptionsByName
      .keys(byName(tenantId, messageName))
      .map((key) => this.subscriptions.get(key))
      .filter((s): s is MessageStartEventSubscription => s !== undefined);
  }

  ofProcessDefinition(processDefinitionKey: string): MessageStartEventSubscription[] {
    return this.subscriptionsByDefinition
      .keys(processDefinitionKey)
      .map((key) => this.subscriptions.get(key))
      .filter((s): s is MessageStartEventSubscription => s !== undefined);
  }

  /** Whether an instance of the process that a message with this correlation key started is active. */
  hasActiveInstance(tenantId: string, bpmnProcessId: string, correlationKey: string): boolean {
    return (
      this.instancesByCorrelationKey.count(
        byCorrelationKey(tenantId, bpmnProcessId, correlationKey),
      ) > 0
    );
  }

  /** The correlation key of the message that started this process instance, if any. */
  correlationKeyOf(processInstanceKey: string): MessageStartedInstance | undefined {
    return this.startedInstances.get(processInstanceKey);
  }

  tables(): StoredTable[] {
    return [this.subscriptions, this.startedInstances];
  }
}
