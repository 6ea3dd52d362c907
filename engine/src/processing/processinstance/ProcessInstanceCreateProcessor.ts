/**
 * PROCESS_INSTANCE_CREATION CREATE and CREATE_WITH_AWAITING_RESULT: finds the process, sets the
 * variables on the new instance, and activates the process (or the start instructions' elements).
 * With awaiting result the response is deferred until the instance completes.
 */
import type { ProcessInstanceCreated } from '../../api';
import type { DeployedProcess } from '../../state/ProcessState';
import type {
  ProcessInstanceCreationValue,
  ProcessInstanceValue,
} from '../../state/protocol/values';
import type { BpmnBehaviors } from '../bpmn/behavior/BpmnBehaviors';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import type { ResultWaiter } from './ProcessResults';

const NO_IDENTIFIER = 'Expected at least a bpmnProcessId or a key greater than -1, but none given';
const NO_NONE_START_EVENT =
  'Expected to create instance of process with none start event, but there is no such event';

export class ProcessInstanceCreateProcessor implements CommandProcessor<ProcessInstanceCreationValue> {
  constructor(private readonly b: BpmnBehaviors) {}

  process(command: TypedCommand<ProcessInstanceCreationValue>, ctx: ProcessingContext): void {
    const request = command.value;
    const found = this.findProcess(request, ctx);
    if (typeof found === 'string') return;
    const deployed = found;
    const model = deployed.process;
    for (const { elementId } of request.startInstructions) {
      const element = model.elements.get(elementId);
      if (!element) {
        return ctx.reject(
          'INVALID_ARGUMENT',
          `Expected to create instance of process with start instructions but no element found with id '${elementId}'.`,
        );
      }
      if (
        element.flowScopeId !== model.bpmnProcessId ||
        element.elementType === 'BOUNDARY_EVENT' ||
        element.elementType === 'START_EVENT'
      ) {
        return ctx.reject(
          'INVALID_ARGUMENT',
          `Expected to create instance of process with start instructions but the element with id '${elementId}' is not a supported target of this engine (only elements directly in the process, except start and boundary events).`,
        );
      }
    }
    if (request.startInstructions.length === 0 && !model.noneStartEventId) {
      return ctx.reject('INVALID_STATE', NO_NONE_START_EVENT);
    }

    const processInstanceKey = ctx.state.keys.nextKey();
    const value: ProcessInstanceValue = {
      bpmnProcessId: deployed.bpmnProcessId,
      version: deployed.version,
      processDefinitionKey: deployed.key,
      processInstanceKey,
      elementId: model.bpmnProcessId,
      flowScopeKey: '-1',
      bpmnElementType: 'PROCESS',
      bpmnEventType: 'UNSPECIFIED',
      parentProcessInstanceKey: '-1',
      parentElementInstanceKey: '-1',
      tenantId: deployed.tenantId,
    };
    this.b.variables.mergeLocalDocument(processInstanceKey, request.variables, value);
    const created: ProcessInstanceCreated = {
      processDefinitionKey: deployed.key,
      bpmnProcessId: deployed.bpmnProcessId,
      version: deployed.version,
      processInstanceKey,
      tenantId: deployed.tenantId,
    };
    ctx.writers.appendEvent(processInstanceKey, 'PROCESS_INSTANCE_CREATION', 'CREATED', {
      ...request,
      ...created,
    });
    const context = { key: processInstanceKey, value };
    if (request.startInstructions.length === 0) {
      this.b.transitions.activateElement(processInstanceKey, value);
    } else {
      this.b.transitions.transitionToActivating(context);
      // the event subprocesses listen from the start (a failing expression is an incident)
      const root = model.elements.get(model.bpmnProcessId);
      const subscribed = root
        ? this.b.eventSubscriptions.subscribeToEventSubProcesses(root, context, ctx.now)
        : undefined;
      if (subscribed && !subscribed.ok)
        this.b.incidents.createIncident(subscribed.failure, context);
      this.b.transitions.transitionToActivated(context);
      for (const { elementId } of request.startInstructions) {
        this.b.transitions.activateChildInstance(context, model.elements.get(elementId)!);
      }
    }
    if (command.intent === 'CREATE_WITH_AWAITING_RESULT') {
      const waiter = command.attachment as ResultWaiter;
      waiter.created = created;
      this.b.results.register(processInstanceKey, waiter);
      if (ctx.responder) ctx.responder.deferred = true;
      return;
    }
    ctx.respond(created);
  }

  private findProcess(
    request: ProcessInstanceCreationValue,
    ctx: ProcessingContext,
  ): DeployedProcess | string {
    const processes = ctx.state.processes;
    let deployed: DeployedProcess | undefined;
    let reason: string;
    if (request.bpmnProcessId !== '') {
      if (request.version >= 0) {
        deployed = processes.getProcessByVersion(
          request.bpmnProcessId,
          request.version,
          request.tenantId,
        );
        reason = `Expected to find process definition with process ID '${request.bpmnProcessId}' and version '${request.version}', but none found`;
      } else {
        deployed = processes.getLatestProcess(request.bpmnProcessId, request.tenantId);
        reason = `Expected to find process definition with process ID '${request.bpmnProcessId}', but none found`;
      }
    } else if (request.processDefinitionKey !== '-1' && request.processDefinitionKey !== '') {
      const byKey = processes.getProcessByKey(request.processDefinitionKey);
      deployed = byKey?.tenantId === request.tenantId ? byKey : undefined;
      reason = `Expected to find process definition with key '${request.processDefinitionKey}', but none found`;
    } else {
      ctx.reject('INVALID_ARGUMENT', NO_IDENTIFIER);
      return NO_IDENTIFIER;
    }
    if (!deployed) {
      ctx.reject('NOT_FOUND', reason);
      return reason;
    }
    return deployed;
  }
}
