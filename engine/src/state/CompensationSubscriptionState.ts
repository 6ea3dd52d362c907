/**
 * Compensation subscriptions (Zeebe's CompensationSubscriptionState): one for each completed
 * activity with a compensation boundary event, and one for each completed subprocess in which
 * such activities completed. A compensation throw event triggers them; a handler's completion
 * completes (removes) them. They end with their process instance.
 */
import { keyColumn, textColumn } from './store/columns';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export interface CompensationSubscription {
  key: string;
  tenantId: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  compensableActivityId: string;
  compensableActivityInstanceKey: string;
  /** The flow scope instance the compensable activity completed in. */
  compensableActivityScopeKey: string;
  /** Empty for a subprocess (its inner subscriptions are compensated). */
  compensationHandlerId: string;
  /** Empty until a throw event triggered it. */
  throwEventId: string;
  throwEventInstanceKey: string;
  compensationHandlerInstanceKey: string;
}

export class CompensationSubscriptionState {
  readonly subscriptions: Table<CompensationSubscription>;
  private readonly byProcessInstance: GroupIndex<CompensationSubscription>;

  constructor(journal: Journal) {
    this.subscriptions = new Table<CompensationSubscription>(
      {
        name: 'compensation_subscriptions',
        keyColumns: ['key'],
        keyOf: (s) => s.key,
        toRow: (s) => ({
          key: s.key,
          tenant_id: s.tenantId,
          process_instance_key: s.processInstanceKey,
          process_definition_key: s.processDefinitionKey,
          compensable_activity_id: s.compensableActivityId,
          compensable_activity_instance_key: s.compensableActivityInstanceKey,
          compensable_activity_scope_key: s.compensableActivityScopeKey,
          compensation_handler_id: s.compensationHandlerId,
          throw_event_id: s.throwEventId,
          throw_event_instance_key: s.throwEventInstanceKey,
          compensation_handler_instance_key: s.compensationHandlerInstanceKey,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          tenantId: textColumn(row.tenant_id),
          processInstanceKey: keyColumn(row.process_instance_key),
          processDefinitionKey: keyColumn(row.process_definition_key),
          compensableActivityId: textColumn(row.compensable_activity_id),
          compensableActivityInstanceKey: keyColumn(row.compensable_activity_instance_key),
          compensableActivityScopeKey: keyColumn(row.compensable_activity_scope_key),
          compensationHandlerId: textColumn(row.compensation_handler_id),
          throwEventId: textColumn(row.throw_event_id),
          throwEventInstanceKey: keyColumn(row.throw_event_instance_key),
          compensationHandlerInstanceKey: keyColumn(row.compensation_handler_instance_key),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.byProcessInstance = this.subscriptions.addIndex(
      new GroupIndex((s) => s.processInstanceKey),
    );
  }

  /** The subscriptions of a process instance, oldest first. */
  ofProcessInstance(processInstanceKey: string): CompensationSubscription[] {
    return this.byProcessInstance
      .keys(processInstanceKey)
      .map((key) => this.subscriptions.get(key))
      .filter((s): s is CompensationSubscription => s !== undefined);
  }

  tables(): StoredTable[] {
    return [this.subscriptions];
  }
}
