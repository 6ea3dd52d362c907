/**
 * The records of the engine's log, shaped like Zeebe's exporter records (camelCase values).
 * Keys are decimal strings (Zeebe int64 keys exceed what a JSON number safely holds in JS);
 * -1 means "none" as in Zeebe.
 */
import type { RejectionType } from '../../api';

export type RecordType = 'COMMAND' | 'EVENT' | 'COMMAND_REJECTION';

export type ValueType =
  | 'DEPLOYMENT'
  | 'PROCESS'
  | 'DECISION_REQUIREMENTS'
  | 'DECISION'
  | 'FORM'
  | 'RESOURCE_DELETION'
  | 'PROCESS_INSTANCE'
  | 'PROCESS_INSTANCE_CREATION'
  | 'PROCESS_INSTANCE_MODIFICATION'
  | 'PROCESS_EVENT'
  | 'JOB'
  | 'JOB_BATCH'
  | 'VARIABLE'
  | 'VARIABLE_DOCUMENT'
  | 'INCIDENT'
  | 'MESSAGE'
  | 'MESSAGE_SUBSCRIPTION'
  | 'PROCESS_MESSAGE_SUBSCRIPTION'
  | 'TIMER'
  | 'ERROR'
  | 'SIGNAL'
  | 'SIGNAL_SUBSCRIPTION'
  | 'MESSAGE_START_EVENT_SUBSCRIPTION'
  | 'ESCALATION'
  | 'COMPENSATION_SUBSCRIPTION'
  | 'DECISION_EVALUATION';

export const NO_KEY = '-1';

export interface EngineRecord {
  position: number;
  sourceRecordPosition: number;
  key: string;
  recordType: RecordType;
  valueType: ValueType;
  intent: string;
  rejectionType?: RejectionType;
  rejectionReason?: string;
  value: object;
  timestamp: number;
  partitionId: 1;
}

/** Instance-related values carry these; the log indexes them. */
export interface InstanceScoped {
  processInstanceKey?: string;
  tenantId?: string;
}
