/**
 * Which processor executes which element — the one place to add a new kind of element.
 * Elements the model accepts but the engine does not execute yet raise an incident.
 */
import type { ExecutableFlowNode } from '../../model/types';
import type { BpmnContainerProcessor, BpmnElementProcessor } from './BpmnElementProcessor';
import type { BpmnBehaviors } from './behavior/BpmnBehaviors';
import { CallActivityProcessor } from './container/CallActivityProcessor';
import { EventSubProcessProcessor } from './container/EventSubProcessProcessor';
import { MultiInstanceActivityProcessor } from './container/MultiInstanceActivityProcessor';
import { ProcessProcessor } from './container/ProcessProcessor';
import { SubProcessProcessor } from './container/SubProcessProcessor';
import { CompensationThrowEventProcessor } from './event/CompensationThrowEventProcessor';
import { ErrorEndEventProcessor } from './event/ErrorEndEventProcessor';
import { EscalationThrowEventProcessor } from './event/EscalationThrowEventProcessor';
import { LinkThrowEventProcessor } from './event/LinkThrowEventProcessor';
import { SignalThrowEventProcessor } from './event/SignalThrowEventProcessor';
import { StartEventProcessor } from './event/StartEventProcessor';
import { TerminateEndEventProcessor } from './event/TerminateEndEventProcessor';
import { EventBasedGatewayProcessor } from './gateway/EventBasedGatewayProcessor';
import { ExclusiveGatewayProcessor } from './gateway/ExclusiveGatewayProcessor';
import { InclusiveGatewayProcessor } from './gateway/InclusiveGatewayProcessor';
import { ParallelGatewayProcessor } from './gateway/ParallelGatewayProcessor';
import { BusinessRuleTaskProcessor } from './task/BusinessRuleTaskProcessor';
import { JobWorkerTaskProcessor } from './task/JobWorkerTaskProcessor';
import { PassThroughProcessor } from './task/PassThroughProcessor';
import { CatchEventWaitProcessor } from './task/ReceiveTaskProcessor';
import { ScriptTaskProcessor } from './task/ScriptTaskProcessor';
import { UnsupportedElementProcessor } from './task/UnsupportedElementProcessor';

export class BpmnElementProcessors {
  private readonly process: ProcessProcessor;
  private readonly subProcess: SubProcessProcessor;
  private readonly callActivity: CallActivityProcessor;
  private readonly multiInstance: MultiInstanceActivityProcessor;
  private readonly jobWorker: JobWorkerTaskProcessor;
  private readonly script: ScriptTaskProcessor;
  private readonly businessRule: BusinessRuleTaskProcessor;
  private readonly waiting: CatchEventWaitProcessor;
  private readonly passThrough: PassThroughProcessor;
  private readonly exclusiveGateway: ExclusiveGatewayProcessor;
  private readonly parallelGateway: ParallelGatewayProcessor;
  private readonly terminateEnd: TerminateEndEventProcessor;
  private readonly errorEnd: ErrorEndEventProcessor;
  private readonly unsupported: UnsupportedElementProcessor;
  private readonly eventSubProcess: EventSubProcessProcessor;
  private readonly inclusiveGateway: InclusiveGatewayProcessor;
  private readonly eventBasedGateway: EventBasedGatewayProcessor;
  private readonly signalThrow: SignalThrowEventProcessor;
  private readonly escalationThrow: EscalationThrowEventProcessor;
  private readonly startEvent: StartEventProcessor;
  private readonly compensationThrow: CompensationThrowEventProcessor;
  private readonly linkThrow: LinkThrowEventProcessor;

  constructor(b: BpmnBehaviors) {
    this.process = new ProcessProcessor(b);
    this.subProcess = new SubProcessProcessor(b);
    this.callActivity = new CallActivityProcessor(b);
    this.multiInstance = new MultiInstanceActivityProcessor(b, {
      forElement: (inner) => this.forElement(inner),
      containerFor: (inner) => this.containerFor(inner),
    });
    this.jobWorker = new JobWorkerTaskProcessor(b);
    this.script = new ScriptTaskProcessor(b);
    this.businessRule = new BusinessRuleTaskProcessor(b);
    this.waiting = new CatchEventWaitProcessor(b);
    this.passThrough = new PassThroughProcessor(b);
    this.exclusiveGateway = new ExclusiveGatewayProcessor(b);
    this.parallelGateway = new ParallelGatewayProcessor(b);
    this.terminateEnd = new TerminateEndEventProcessor(b);
    this.errorEnd = new ErrorEndEventProcessor(b);
    this.unsupported = new UnsupportedElementProcessor(b);
    this.eventSubProcess = new EventSubProcessProcessor(b);
    this.inclusiveGateway = new InclusiveGatewayProcessor(b);
    this.eventBasedGateway = new EventBasedGatewayProcessor(b);
    this.signalThrow = new SignalThrowEventProcessor(b);
    this.escalationThrow = new EscalationThrowEventProcessor(b);
    this.startEvent = new StartEventProcessor(b);
    this.compensationThrow = new CompensationThrowEventProcessor(b);
    this.linkThrow = new LinkThrowEventProcessor(b);
    b.transitions.containerOf = (element) => this.containerFor(element);
  }

  containerFor(element: ExecutableFlowNode): BpmnContainerProcessor | undefined {
    if (element.multiInstance) return this.multiInstance;
    if (element.elementType === 'PROCESS') return this.process;
    if (element.elementType === 'SUB_PROCESS') return this.subProcess;
    if (element.elementType === 'EVENT_SUB_PROCESS') return this.eventSubProcess;
    if (element.elementType === 'CALL_ACTIVITY' && element.calledElement) return this.callActivity;
    return undefined;
  }

  forElement(element: ExecutableFlowNode): BpmnElementProcessor {
    // the body, or an inner instance through the activity's own processor
    if (element.multiInstance) return this.multiInstance;
    switch (element.elementType) {
      case 'PROCESS':
        return this.process;
      case 'SUB_PROCESS':
        return this.subProcess;
      case 'EVENT_SUB_PROCESS':
        return this.eventSubProcess;
      case 'SERVICE_TASK':
      case 'SEND_TASK':
      case 'USER_TASK':
        return element.job ? this.jobWorker : this.unsupported;
      case 'BUSINESS_RULE_TASK':
        if (element.job) return this.jobWorker;
        return element.calledDecision ? this.businessRule : this.unsupported;
      case 'SCRIPT_TASK':
        return element.job ? this.jobWorker : element.script ? this.script : this.unsupported;
      case 'RECEIVE_TASK':
        return this.waiting;
      case 'START_EVENT':
        return this.startEvent;
      case 'CALL_ACTIVITY':
        return element.calledElement ? this.callActivity : this.unsupported;
      case 'TASK':
      case 'MANUAL_TASK':
      case 'BOUNDARY_EVENT':
        return this.passThrough;
      case 'INTERMEDIATE_CATCH_EVENT':
        if (element.link) return this.passThrough;
        return element.message || element.timer || element.signal ? this.waiting : this.unsupported;
      case 'INTERMEDIATE_THROW_EVENT':
        if (element.job) return this.jobWorker;
        if (element.signal) return this.signalThrow;
        if (element.eventType === 'ESCALATION') return this.escalationThrow;
        if (element.eventType === 'COMPENSATION') return this.compensationThrow;
        if (element.link) return this.linkThrow;
        return element.eventType === 'NONE' ? this.passThrough : this.unsupported;
      case 'END_EVENT':
        return this.endEvent(element);
      case 'EXCLUSIVE_GATEWAY':
        return this.exclusiveGateway;
      case 'PARALLEL_GATEWAY':
        return this.parallelGateway;
      case 'INCLUSIVE_GATEWAY':
        return this.inclusiveGateway;
      case 'EVENT_BASED_GATEWAY':
        return this.eventBasedGateway;
      default:
        return this.unsupported;
    }
  }

  private endEvent(element: ExecutableFlowNode): BpmnElementProcessor {
    if (element.job) return this.jobWorker;
    if (element.terminate || element.eventType === 'TERMINATE') return this.terminateEnd;
    if (element.eventType === 'ERROR') return this.errorEnd;
    if (element.signal) return this.signalThrow;
    if (element.eventType === 'ESCALATION') return this.escalationThrow;
    if (element.eventType === 'COMPENSATION') return this.compensationThrow;
    return element.eventType === 'NONE' ? this.passThrough : this.unsupported;
  }
}
