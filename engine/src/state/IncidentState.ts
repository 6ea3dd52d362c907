/** Open incidents (Zeebe's IncidentState); a resolved incident is removed. */
import type { ErrorType } from './protocol/values';
import { keyColumn, numberColumn, textColumn } from './store/columns';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type StoredTable } from './store/Table';

export interface Incident {
  key: string;
  errorType: ErrorType;
  errorMessage: string;
  elementInstanceKey: string;
  elementId: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  /** -1 when the incident is not about a job. */
  jobKey: string;
  variableScopeKey: string;
  tenantId: string;
  createdAt: number;
}

export class IncidentState {
  readonly incidents: Table<Incident>;
  private readonly byElementInstance: GroupIndex<Incident>;
  private readonly byJob: GroupIndex<Incident>;

  constructor(journal: Journal) {
    this.incidents = new Table<Incident>(
      {
        name: 'incidents',
        keyColumns: ['key'],
        keyOf: (i) => i.key,
        toRow: (i) => ({
          key: i.key,
          error_type: i.errorType,
          error_message: i.errorMessage,
          element_instance_key: i.elementInstanceKey,
          element_id: i.elementId,
          process_instance_key: i.processInstanceKey,
          process_definition_key: i.processDefinitionKey,
          bpmn_process_id: i.bpmnProcessId,
          job_key: i.jobKey,
          variable_scope_key: i.variableScopeKey,
          tenant_id: i.tenantId,
          created_at: i.createdAt,
        }),
        fromRow: (row) => ({
          key: keyColumn(row.key),
          errorType: textColumn(row.error_type) as ErrorType,
          errorMessage: textColumn(row.error_message),
          elementInstanceKey: keyColumn(row.element_instance_key),
          elementId: textColumn(row.element_id),
          processInstanceKey: keyColumn(row.process_instance_key),
          processDefinitionKey: keyColumn(row.process_definition_key),
          bpmnProcessId: textColumn(row.bpmn_process_id),
          jobKey: keyColumn(row.job_key),
          variableScopeKey: keyColumn(row.variable_scope_key),
          tenantId: textColumn(row.tenant_id),
          createdAt: numberColumn(row.created_at),
        }),
        loadFilter: (query) => query.orderBy('key'),
      },
      journal,
    );
    this.byElementInstance = this.incidents.addIndex(new GroupIndex((i) => i.elementInstanceKey));
    this.byJob = this.incidents.addIndex(
      new GroupIndex((i) => (i.jobKey === '-1' ? undefined : i.jobKey)),
    );
  }

  get(key: string): Incident | undefined {
    return this.incidents.get(key);
  }

  ofElementInstance(elementInstanceKey: string): Incident[] {
    return this.byElementInstance
      .keys(elementInstanceKey)
      .map((key) => this.incidents.get(key))
      .filter((i): i is Incident => i !== undefined);
  }

  ofJob(jobKey: string): Incident | undefined {
    const key = this.byJob.keys(jobKey)[0];
    return key === undefined ? undefined : this.incidents.get(key);
  }

  tables(): StoredTable[] {
    return [this.incidents];
  }
}
