/** Jobs (Zeebe's JobState) with the indexes activation and the schedulers need. */
import { jsonColumn, keyColumn, numberColumn, textColumn } from './store/columns';
import { DueIndex } from './store/DueIndex';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export type JobLifecycle = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

export interface Job {
  key: string;
  type: string;
  state: JobLifecycle;
  retries: number;
  worker: string;
  /** Epoch ms, -1 when not activated. */
  deadline: number;
  /** Epoch ms when a back-off ends, -1 when none. */
  recurringTime: number;
  retryBackoff: number;
  errorMessage: string;
  errorCode: string;
  customHeaders: Record<string, string>;
  elementInstanceKey: string;
  elementId: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  tenantId: string;
}

export class JobState {
  readonly jobs: Table<Job>;
  private readonly activatable: GroupIndex<Job>;
  readonly deadlines: DueIndex<Job>;
  readonly backoffs: DueIndex<Job>;

  constructor(journal: Journal) {
    this.jobs = new Table<Job>(
      {
        name: 'jobs',
        keyColumns: ['key'],
        keyOf: (j) => j.key,
        toRow: (j) => ({
          key: j.key,
          type: j.type,
          state: j.state,
          retries: j.retries,
          worker: j.worker,
          deadline: j.deadline,
          recurring_time: j.recurringTime,
          retry_backoff: j.retryBackoff,
          error_message: j.errorMessage,
          error_code: j.errorCode,
          custom_headers: j.customHeaders,
          element_instance_key: j.elementInstanceKey,
          element_id: j.elementId,
          process_instance_key: j.processInstanceKey,
          process_definition_key: j.processDefinitionKey,
          bpmn_process_id: j.bpmnProcessId,
          process_definition_version: j.processDefinitionVersion,
          tenant_id: j.tenantId,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          type: textColumn(row.type),
          state: textColumn(row.state) as JobLifecycle,
          retries: numberColumn(row.retries),
          worker: textColumn(row.worker),
          deadline: numberColumn(row.deadline),
          recurringTime: numberColumn(row.recurring_time),
          retryBackoff: numberColumn(row.retry_backoff),
          errorMessage: textColumn(row.error_message),
          errorCode: textColumn(row.error_code),
          customHeaders: jsonColumn<Record<string, string>>(row.custom_headers),
          elementInstanceKey: keyColumn(row.element_instance_key),
          elementId: textColumn(row.element_id),
          processInstanceKey: keyColumn(row.process_instance_key),
          processDefinitionKey: keyColumn(row.process_definition_key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          processDefinitionVersion: numberColumn(row.process_definition_version),
          tenantId: textColumn(row.tenant_id),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.activatable = this.jobs.addIndex(
      new GroupIndex((j) => (j.state === 'ACTIVATABLE' ? j.type : undefined)),
    );
    this.deadlines = this.jobs.addIndex(
      new DueIndex((j) => (j.state === 'ACTIVATED' ? j.deadline : undefined)),
    );
    this.backoffs = this.jobs.addIndex(
      new DueIndex((j) =>
        j.state === 'FAILED' && j.retries > 0 && j.recurringTime > 0 ? j.recurringTime : undefined,
      ),
    );
  }

  get(key: string): Job | undefined {
    return this.jobs.get(key);
  }

  /** Activatable jobs of a type, oldest first. */
  activatableOfType(type: string): IterableIterator<string> {
    return this.activatable.iterate(type);
  }

  hasActivatable(type: string): boolean {
    return this.activatable.count(type) > 0;
  }

  tables(): StoredTable[] {
    return [this.jobs];
  }
}
