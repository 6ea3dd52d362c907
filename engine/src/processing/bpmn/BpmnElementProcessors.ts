/**
 * Which processor executes which element — the one place to add a new kind of element.
 * Elements the model accepts but the engine does not execute yet raise an incident.
 */
import type { ExecutableFlowNode } from '../../model/types';
import type { BpmnContainerProcessor, BpmnElementProcessor } from './BpmnElementProcessor';
import type { BpmnBehaviors } from './behavior/BpmnBehaviors';
import { ProcessProcessor } from './container/ProcessProcessor';
import { SubProcessProcessor } from './container/SubProcessProcessor';
import { ErrorEndEventProcessor } from './event/ErrorEndEventProcessor';
import { TerminateEndEventProcessor } from './event/TerminateEndEventProcessor';
import { ExclusiveGatewayProcessor } from './gateway/ExclusiveGatewayProcessor';
import { ParallelGatewayProcessor } from './gateway/ParallelGatewayProcessor';
import { JobWorkerTaskProcessor } from './task/JobWorkerTaskProcessor';
import { PassThroughProcessor } from './task/PassThroughProcessor';
import { CatchEventWaitProcessor } from './task/ReceiveTaskProcessor';
import { ScriptTaskProcessor } from './task/ScriptTaskProcessor';
import { UnsupportedElementProcessor } from './task/UnsupportedElementProcessor';

export class BpmnElementProcessors {
  private readonly process: ProcessProcessor;
  private readonly subProcess: SubProcessProcessor;
  private readonly jobWorker: JobWorkerTaskProcessor;
  private readonly script: ScriptTaskProcessor;
  private readonly waiting: CatchEventWaitProcessor;
  private readonly passThrough: PassThroughProcessor;
  private readonly exclusiveGateway: ExclusiveGatewayProcessor;
  private readonly parallelGateway: ParallelGatewayProcessor;
  private readonly terminateEnd: TerminateEndEventProcessor;
  private readonly errorEnd: ErrorEndEventProcessor;
  private readonly unsupported: UnsupportedElementProcessor;

  constructor(b: BpmnBehaviors) {
    this.process = new ProcessProcessor(b);
    this.subProcess = new SubProcessProcessor(b);
    this.jobWorker = new JobWorkerTaskProcessor(b);
    this.script = new ScriptTaskProcessor(b);
    this.waiting = new CatchEventWaitProcessor(b);
    this.passThrough = new PassThroughProcessor(b);
    this.exclusiveGateway = new ExclusiveGatewayProcessor(b);
    this.parallelGateway = new ParallelGatewayProcessor(b);
    this.terminateEnd = new TerminateEndEventProcessor(b);
    this.errorEnd = new ErrorEndEventProcessor(b);
    this.unsupported = new UnsupportedElementProcessor(b);
    b.transitions.containerOf = (element) => this.containerFor(element);
  }

  containerFor(element: ExecutableFlowNode): BpmnContainerProcessor | undefined {
    if (element.elementType === 'PROCESS') return this.process;
    if (element.elementType === 'SUB_PROCESS' && !element.multiInstance) return this.subProcess;
    return undefined;
  }

  forElement(element: ExecutableFlowNode): BpmnElementProcessor {
    if (element.multiInstance) return this.unsupported;
    switch (element.elementType) {
      case 'PROCESS':
        return this.process;
      case 'SUB_PROCESS':
        return this.subProcess;
      case 'SERVICE_TASK':
      case 'SEND_TASK':
      case 'USER_TASK':
      case 'BUSINESS_RULE_TASK':
        return element.job ? this.jobWorker : this.unsupported;
      case 'SCRIPT_TASK':
        return element.job ? this.jobWorker : element.script ? this.script : this.unsupported;
      case 'RECEIVE_TASK':
        return this.waiting;
      case 'TASK':
      case 'MANUAL_TASK':
      case 'START_EVENT':
      case 'BOUNDARY_EVENT':
        return this.passThrough;
      case 'INTERMEDIATE_CATCH_EVENT':
        return element.message || element.timer || element.signal ? this.waiting : this.unsupported;
      case 'INTERMEDIATE_THROW_EVENT':
        if (element.job) return this.jobWorker;
        return element.eventType === 'NONE' ? this.passThrough : this.unsupported;
      case 'END_EVENT':
        return this.endEvent(element);
      case 'EXCLUSIVE_GATEWAY':
        return this.exclusiveGateway;
      case 'PARALLEL_GATEWAY':
        return this.parallelGateway;
      default:
        return this.unsupported;
    }
  }

  private endEvent(element: ExecutableFlowNode): BpmnElementProcessor {
    if (element.job) return this.jobWorker;
    if (element.terminate || element.eventType === 'TERMINATE') return this.terminateEnd;
    if (element.eventType === 'ERROR') return this.errorEnd;
    return element.eventType === 'NONE' ? this.passThrough : this.unsupported;
  }
}
