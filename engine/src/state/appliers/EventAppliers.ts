/**
 * Every event the engine writes and the applier that changes the state for it — the one table,
 * like Zeebe's EventAppliers. Events that only inform (the log) map to `noop`.
 */
import type { EngineState } from '../EngineState';
import type { EngineRecord, ValueType } from '../protocol/records';
import type { Applier } from './Applier';
import * as compensation from './CompensationAppliers';
import * as decision from './DecisionAppliers';
import * as deployment from './DeploymentAppliers';
import * as incident from './IncidentAppliers';
import * as job from './JobAppliers';
import * as message from './MessageAppliers';
import * as processInstance from './ProcessInstanceAppliers';
import * as startEvent from './StartEventAppliers';
import * as variable from './VariableAppliers';

const noop: Applier = () => {};

const table: Partial<Record<ValueType, Record<string, Applier<never>>>> = {
  DEPLOYMENT: { CREATED: deployment.deploymentCreated },
  PROCESS: {
    CREATED: deployment.processCreated,
    DELETING: noop,
    DELETED: deployment.processDeleted,
  },
  DECISION_REQUIREMENTS: {
    CREATED: decision.decisionRequirementsCreated,
    DELETED: decision.decisionRequirementsDeleted,
  },
  DECISION: { CREATED: decision.decisionCreated, DELETED: decision.decisionDeleted },
  DECISION_EVALUATION: { EVALUATED: noop, FAILED: noop },
  FORM: { CREATED: deployment.formCreated, DELETED: deployment.formDeleted },
  RESOURCE_DELETION: { DELETING: noop, DELETED: noop },
  PROCESS_INSTANCE_CREATION: { CREATED: noop },
  PROCESS_INSTANCE_MODIFICATION: { MODIFIED: noop },
  PROCESS_INSTANCE: {
    ELEMENT_ACTIVATING: processInstance.elementActivating,
    ELEMENT_ACTIVATED: processInstance.elementActivated,
    ELEMENT_COMPLETING: processInstance.elementCompleting,
    ELEMENT_COMPLETED: processInstance.elementCompleted,
    ELEMENT_TERMINATING: processInstance.elementTerminating,
    ELEMENT_TERMINATED: processInstance.elementTerminated,
    SEQUENCE_FLOW_TAKEN: processInstance.sequenceFlowTaken,
  },
  PROCESS_EVENT: {
    TRIGGERING: message.processEventTriggering,
    TRIGGERED: message.processEventTriggered,
  },
  JOB: {
    CREATED: job.jobCreated,
    COMPLETED: job.jobCompleted,
    FAILED: job.jobFailed,
    RECURRED_AFTER_BACKOFF: job.jobRecurredAfterBackoff,
    TIMED_OUT: job.jobTimedOut,
    RETRIES_UPDATED: job.jobRetriesUpdated,
    TIMEOUT_UPDATED: job.jobTimeoutUpdated,
    ERROR_THROWN: job.jobErrorThrown,
    CANCELED: job.jobCanceled,
  },
  JOB_BATCH: { ACTIVATED: job.jobBatchActivated },
  VARIABLE: { CREATED: variable.variableSet, UPDATED: variable.variableSet },
  VARIABLE_DOCUMENT: { UPDATED: noop },
  INCIDENT: { CREATED: incident.incidentCreated, RESOLVED: incident.incidentResolved },
  MESSAGE: { PUBLISHED: message.messagePublished, EXPIRED: message.messageExpired },
  MESSAGE_SUBSCRIPTION: {
    CREATED: message.subscriptionCreated,
    CORRELATED: message.subscriptionCorrelated,
    DELETED: message.subscriptionDeleted,
  },
  PROCESS_MESSAGE_SUBSCRIPTION: { CREATED: noop, CORRELATED: noop, DELETED: noop },
  TIMER: {
    CREATED: message.timerCreated,
    TRIGGERED: message.timerRemoved,
    CANCELED: message.timerRemoved,
  },
  ERROR: { CREATED: noop },
  SIGNAL: { BROADCASTED: noop },
  SIGNAL_SUBSCRIPTION: {
    CREATED: message.signalSubscriptionCreated,
    DELETED: message.signalSubscriptionDeleted,
  },
  MESSAGE_START_EVENT_SUBSCRIPTION: {
    CREATED: startEvent.messageStartSubscriptionCreated,
    CORRELATED: startEvent.messageStartSubscriptionCorrelated,
    DELETED: startEvent.messageStartSubscriptionDeleted,
  },
  ESCALATION: { ESCALATED: noop, NOT_ESCALATED: noop },
  COMPENSATION_SUBSCRIPTION: {
    CREATED: compensation.compensationSubscriptionPut,
    TRIGGERED: compensation.compensationSubscriptionPut,
    COMPLETED: compensation.compensationSubscriptionRemoved,
    DELETED: compensation.compensationSubscriptionRemoved,
  },
};

export function applyEvent(state: EngineState, record: EngineRecord, attachment?: unknown): void {
  const applier = table[record.valueType]?.[record.intent] as Applier | undefined;
  if (!applier) {
    throw new Error(`No event applier for ${record.valueType} ${record.intent}`);
  }
  applier(state, record.key, record.value, record, attachment);
}
