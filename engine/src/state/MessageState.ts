/**
 * Buffered messages (Zeebe's MessageState) and the processes each one correlated to (a message
 * correlates at most once per BPMN process id).
 */
import { jsonColumn, keyColumn, numberColumn, textColumn } from './store/columns';
import { DueIndex } from './store/DueIndex';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export interface Message {
  key: string;
  name: string;
  correlationKey: string;
  messageId: string;
  timeToLive: number;
  deadline: number;
  variables: Record<string, unknown>;
  tenantId: string;
}

export interface MessageCorrelation {
  messageKey: string;
  bpmnProcessId: string;
  processInstanceKey: string;
}

export const messageGroup = (tenantId: string, name: string, correlationKey: string) =>
  `${tenantId}\u0000${name}\u0000${correlationKey}`;

export class MessageState {
  readonly messages: Table<Message>;
  readonly correlations: Table<MessageCorrelation>;
  private readonly byNameAndKey: GroupIndex<Message>;
  private readonly byMessageId: GroupIndex<Message>;
  readonly deadlines: DueIndex<Message>;
  private readonly correlationsByMessage: GroupIndex<MessageCorrelation>;

  constructor(journal: Journal) {
    this.messages = new Table<Message>(
      {
        name: 'messages',
        keyColumns: ['key'],
        keyOf: (m) => m.key,
        toRow: (m) => ({
          key: m.key,
          name: m.name,
          correlation_key: m.correlationKey,
          message_id: m.messageId,
          time_to_live: m.timeToLive,
          deadline: m.deadline,
          variables: m.variables,
          tenant_id: m.tenantId,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          name: textColumn(row.name),
          correlationKey: textColumn(row.correlation_key),
          messageId: textColumn(row.message_id),
          timeToLive: numberColumn(row.time_to_live),
          deadline: numberColumn(row.deadline),
          variables: jsonColumn<Record<string, unknown>>(row.variables),
          tenantId: textColumn(row.tenant_id),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.byNameAndKey = this.messages.addIndex(
      new GroupIndex((m) => messageGroup(m.tenantId, m.name, m.correlationKey)),
    );
    this.byMessageId = this.messages.addIndex(
      new GroupIndex((m) =>
        m.messageId === ''
          ? undefined
          : `${messageGroup(m.tenantId, m.name, m.correlationKey)}\u0000${m.messageId}`,
      ),
    );
    this.deadlines = this.messages.addIndex(new DueIndex((m) => m.deadline));
    this.correlations = new Table<MessageCorrelation>(
      {
        name: 'message_correlations',
        keyColumns: ['message_key', 'bpmn_process_id'],
        keyOf: (c) => `${c.messageKey}|${c.bpmnProcessId}`,
        toRow: (c) => ({
          message_key: c.messageKey,
          bpmn_process_id: c.bpmnProcessId,
          process_instance_key: c.processInstanceKey,
        }),
        fromRow: (row) => ({
          messageKey: keyColumn(row.message_key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          processInstanceKey: keyColumn(row.process_instance_key),
        }),
      },
      journal,
    );
    this.correlationsByMessage = this.correlations.addIndex(new GroupIndex((c) => c.messageKey));
  }

  get(key: string): Message | undefined {
    return this.messages.get(key);
  }

  exists(tenantId: string, name: string, correlationKey: string, messageId: string): boolean {
    return (
      this.byMessageId.count(`${messageGroup(tenantId, name, correlationKey)}\u0000${messageId}`) >
      0
    );
  }

  /** Buffered messages with that name and correlation key, in publish order. */
  buffered(tenantId: string, name: string, correlationKey: string): Message[] {
    const found: Message[] = [];
    for (const key of this.byNameAndKey.iterate(messageGroup(tenantId, name, correlationKey))) {
      const message = this.messages.get(key);
      if (message) found.push(message);
    }
    return found;
  }

  isCorrelatedTo(messageKey: string, bpmnProcessId: string): boolean {
    return this.correlations.has(`${messageKey}|${bpmnProcessId}`);
  }

  correlationKeysOf(messageKey: string): string[] {
    return this.correlationsByMessage.keys(messageKey);
  }

  tables(): StoredTable[] {
    return [this.messages, this.correlations];
  }
}
