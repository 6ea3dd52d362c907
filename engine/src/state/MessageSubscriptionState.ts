/**
 * Open message subscriptions of waiting elements (Zeebe's MessageSubscriptionState and
 * ProcessMessageSubscriptionState in one: there is one partition).
 */
import { keyColumn, textColumn } from './store/columns';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { messageGroup } from './MessageState';
import { Table, type StoredTable } from './store/Table';

export interface MessageSubscription {
  key: string;
  /** The element instance that waits: the catch event, receive task, or the activity a boundary event is attached to. */
  elementInstanceKey: string;
  /** The catch element (the boundary event id for boundary events). */
  elementId: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  messageName: string;
  correlationKey: string;
  interrupting: boolean;
  tenantId: string;
}

export class MessageSubscriptionState {
  readonly subscriptions: Table<MessageSubscription>;
  private readonly byMessage: GroupIndex<MessageSubscription>;
  private readonly byElementInstance: GroupIndex<MessageSubscription>;

  constructor(journal: Journal) {
    this.subscriptions = new Table<MessageSubscription>(
      {
        name: 'message_subscriptions',
        keyColumns: ['key'],
        keyOf: (s) => s.key,
        toRow: (s) => ({
          key: s.key,
          element_instance_key: s.elementInstanceKey,
          element_id: s.elementId,
          process_instance_key: s.processInstanceKey,
          process_definition_key: s.processDefinitionKey,
          bpmn_process_id: s.bpmnProcessId,
          message_name: s.messageName,
          correlation_key: s.correlationKey,
          interrupting: s.interrupting,
          tenant_id: s.tenantId,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          elementInstanceKey: keyColumn(row.element_instance_key),
          elementId: textColumn(row.element_id),
          processInstanceKey: keyColumn(row.process_instance_key),
          processDefinitionKey: keyColumn(row.process_definition_key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          messageName: textColumn(row.message_name),
          correlationKey: textColumn(row.correlation_key),
          interrupting: Boolean(row.interrupting),
          tenantId: textColumn(row.tenant_id),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.byMessage = this.subscriptions.addIndex(
      new GroupIndex((s) => messageGroup(s.tenantId, s.messageName, s.correlationKey)),
    );
    this.byElementInstance = this.subscriptions.addIndex(
      new GroupIndex((s) => s.elementInstanceKey),
    );
  }

  get(key: string): MessageSubscription | undefined {
    return this.subscriptions.get(key);
  }

  /** Subscriptions for a message, oldest first. */
  forMessage(tenantId: string, name: string, correlationKey: string): MessageSubscription[] {
    const found: MessageSubscription[] = [];
    for (const key of this.byMessage.iterate(messageGroup(tenantId, name, correlationKey))) {
      const subscription = this.subscriptions.get(key);
      if (subscription) found.push(subscription);
    }
    return found;
  }

  ofElementInstance(elementInstanceKey: string): MessageSubscription[] {
    return this.byElementInstance
      .keys(elementInstanceKey)
      .map((key) => this.subscriptions.get(key))
      .filter((s): s is MessageSubscription => s !== undefined);
  }

  tables(): StoredTable[] {
    return [this.subscriptions];
  }
}
