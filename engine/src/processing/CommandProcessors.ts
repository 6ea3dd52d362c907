/** Which processor decides which command: the one table of commands the engine understands. */
import type { ValueType } from '../state/protocol/records';
import type { BpmnBehaviors } from './bpmn/behavior/BpmnBehaviors';
import { BpmnElementProcessors } from './bpmn/BpmnElementProcessors';
import { BpmnStreamProcessor } from './bpmn/BpmnStreamProcessor';
import type { CommandProcessor } from './CommandProcessor';
import { DecisionEvaluationEvaluateProcessor } from './decision/DecisionEvaluationEvaluateProcessor';
import { DeploymentCreateProcessor } from './deployment/DeploymentCreateProcessor';
import { ResourceDeletionProcessor } from './deployment/ResourceDeletionProcessor';
import { IncidentResolveProcessor } from './incident/IncidentResolveProcessor';
import { JobBatchActivateProcessor } from './job/JobBatchActivateProcessor';
import { JobCompleteProcessor } from './job/JobCompleteProcessor';
import { JobFailProcessor } from './job/JobFailProcessor';
import { JobRecurProcessor, JobTimeOutProcessor } from './job/JobScheduledProcessors';
import { JobThrowErrorProcessor } from './job/JobThrowErrorProcessor';
import { JobUpdateRetriesProcessor, JobUpdateTimeoutProcessor } from './job/JobUpdateProcessors';
import { MessageCorrelateBehavior } from './message/MessageCorrelateBehavior';
import { MessagePublishProcessor } from './message/MessagePublishProcessor';
import {
  MessageExpireProcessor,
  SubscriptionCorrelateProcessor,
} from './message/MessageScheduledProcessors';
import { ProcessInstanceCancelProcessor } from './processinstance/ProcessInstanceCancelProcessor';
import { ProcessInstanceCreateProcessor } from './processinstance/ProcessInstanceCreateProcessor';
import { ProcessInstanceModifyProcessor } from './processinstance/ProcessInstanceModifyProcessor';
import { SignalBroadcastProcessor } from './signal/SignalBroadcastProcessor';
import { StartEventSubscriptions } from './startevent/StartEventSubscriptions';
import { TimerTriggerProcessor } from './timer/TimerTriggerProcessor';
import { VariableDocumentUpdateProcessor } from './variable/VariableDocumentUpdateProcessor';

export type CommandProcessorTable = Map<string, CommandProcessor<never>>;

export const commandId = (valueType: ValueType, intent: string) => `${valueType}:${intent}`;

export function createCommandProcessors(b: BpmnBehaviors): CommandProcessorTable {
  const bpmn = new BpmnStreamProcessor(b, new BpmnElementProcessors(b));
  const correlation = new MessageCorrelateBehavior(b);
  const create = new ProcessInstanceCreateProcessor(b);
  const startEvents = new StartEventSubscriptions(b);
  const entries: [ValueType, string, CommandProcessor<never>][] = [
    ['DEPLOYMENT', 'CREATE', new DeploymentCreateProcessor(startEvents)],
    ['RESOURCE_DELETION', 'DELETE', new ResourceDeletionProcessor(startEvents)],
    ['PROCESS_INSTANCE_CREATION', 'CREATE', create],
    ['PROCESS_INSTANCE_CREATION', 'CREATE_WITH_AWAITING_RESULT', create],
    ['PROCESS_INSTANCE', 'CANCEL', new ProcessInstanceCancelProcessor()],
    ['PROCESS_INSTANCE_MODIFICATION', 'MODIFY', new ProcessInstanceModifyProcessor(b)],
    ['PROCESS_INSTANCE', 'ACTIVATE_ELEMENT', bpmn],
    ['PROCESS_INSTANCE', 'COMPLETE_ELEMENT', bpmn],
    ['PROCESS_INSTANCE', 'TERMINATE_ELEMENT', bpmn],
    ['JOB_BATCH', 'ACTIVATE', new JobBatchActivateProcessor()],
    ['JOB', 'COMPLETE', new JobCompleteProcessor()],
    ['JOB', 'FAIL', new JobFailProcessor(b)],
    ['JOB', 'THROW_ERROR', new JobThrowErrorProcessor(b)],
    ['JOB', 'UPDATE_RETRIES', new JobUpdateRetriesProcessor()],
    ['JOB', 'UPDATE_TIMEOUT', new JobUpdateTimeoutProcessor()],
    ['JOB', 'TIME_OUT', new JobTimeOutProcessor()],
    ['JOB', 'RECUR_AFTER_BACKOFF', new JobRecurProcessor()],
    ['VARIABLE_DOCUMENT', 'UPDATE', new VariableDocumentUpdateProcessor(b)],
    ['INCIDENT', 'RESOLVE', new IncidentResolveProcessor()],
    ['MESSAGE', 'PUBLISH', new MessagePublishProcessor(correlation)],
    ['MESSAGE', 'EXPIRE', new MessageExpireProcessor()],
    ['PROCESS_MESSAGE_SUBSCRIPTION', 'CORRELATE', new SubscriptionCorrelateProcessor(correlation)],
    ['TIMER', 'TRIGGER', new TimerTriggerProcessor(b)],
    ['SIGNAL', 'BROADCAST', new SignalBroadcastProcessor(b)],
    ['DECISION_EVALUATION', 'EVALUATE', new DecisionEvaluationEvaluateProcessor()],
  ];
  return new Map(
    entries.map(([valueType, intent, processor]) => [commandId(valueType, intent), processor]),
  );
}
