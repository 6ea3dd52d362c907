/**
 * The start event subscriptions of the latest version of each process (Zeebe's
 * StartEventSubscriptionManager and the timer part of DeploymentCreateProcessor): a new version
 * closes the previous version's message start subscriptions, start timers and signal start
 * subscriptions and opens its own; deleting the latest version closes its own and re-opens the
 * version before it. Message and signal names and timers of start events are evaluated without
 * variables; one that does not evaluate opens nothing.
 */
import type { ExecutableFlowNode } from '../../model/types';
import type { DeployedProcess, ProcessDefinition } from '../../state/ProcessState';
import type {
  MessageStartEventSubscriptionValue,
  SignalSubscriptionValue,
  TimerValue,
} from '../../state/protocol/values';
import type { BpmnBehaviors } from '../bpmn/behavior/BpmnBehaviors';
import type { ProcessingContext } from '../ProcessingContext';

/** Start events are evaluated in no scope: no variables are visible. */
const NO_SCOPE = '-1';

export class StartEventSubscriptions {
  constructor(private readonly b: BpmnBehaviors) {}

  /** After DEPLOYMENT CREATE wrote the new versions (processDefinitionKeys). */
  onDeployed(ctx: ProcessingContext, processDefinitionKeys: string[]): void {
    for (const key of processDefinitionKeys) {
      const deployed = ctx.state.processes.getProcessByKey(key);
      if (!deployed) continue;
      const previous = this.latestActiveBefore(ctx, deployed);
      if (previous) this.close(ctx, previous.key);
      this.open(ctx, deployed);
    }
  }

  /** After a process version was deleted. */
  onDeleted(ctx: ProcessingContext, definition: ProcessDefinition): void {
    this.close(ctx, definition.key);
    const latest = ctx.state.processes.getLatestProcess(
      definition.bpmnProcessId,
      definition.tenantId,
    );
    if (latest && latest.version < definition.version) this.open(ctx, latest);
  }

  private latestActiveBefore(
    ctx: ProcessingContext,
    deployed: DeployedProcess,
  ): DeployedProcess | undefined {
    for (let version = deployed.version - 1; version > 0; version--) {
      const previous = ctx.state.processes.getProcessByVersion(
        deployed.bpmnProcessId,
        version,
        deployed.tenantId,
      );
      if (previous) return previous;
    }
    return undefined;
  }

  private open(ctx: ProcessingContext, deployed: DeployedProcess): void {
    const { process } = deployed;
    const startEvents = (ids: string[]) =>
      ids
        .map((id) => process.elements.get(id))
        .filter((e): e is ExecutableFlowNode => e !== undefined);
    for (const startEvent of startEvents(process.messageStartEventIds)) {
      const name = this.b.expressions.evaluateString(startEvent.message?.name ?? '', NO_SCOPE);
      if (!name.ok) continue;
      ctx.writers.appendEvent(
        ctx.state.keys.nextKey(),
        'MESSAGE_START_EVENT_SUBSCRIPTION',
        'CREATED',
        {
          processDefinitionKey: deployed.key,
          bpmnProcessId: deployed.bpmnProcessId,
          startEventId: startEvent.id,
          messageName: name.value,
          processInstanceKey: '-1',
          messageKey: '-1',
          correlationKey: '',
          variables: {},
          tenantId: deployed.tenantId,
        } satisfies MessageStartEventSubscriptionValue,
      );
    }
    for (const startEvent of startEvents(process.timerStartEventIds)) {
      if (!startEvent.timer) continue;
      const timer = this.b.timers.evaluate(startEvent.timer, NO_SCOPE, ctx.now);
      if (!timer.ok) continue;
      ctx.writers.appendEvent(ctx.state.keys.nextKey(), 'TIMER', 'CREATED', {
        elementInstanceKey: '-1',
        processInstanceKey: '-1',
        processDefinitionKey: deployed.key,
        targetElementId: startEvent.id,
        dueDate: timer.value.dueDate,
        repetitions: timer.value.repetitions,
        tenantId: deployed.tenantId,
      } satisfies TimerValue);
    }
    for (const startEvent of startEvents(process.signalStartEventIds)) {
      const name = this.b.expressions.evaluateString(startEvent.signal?.name ?? '', NO_SCOPE);
      if (!name.ok) continue;
      ctx.writers.appendEvent(ctx.state.keys.nextKey(), 'SIGNAL_SUBSCRIPTION', 'CREATED', {
        signalName: name.value,
        catchEventId: startEvent.id,
        catchEventInstanceKey: '-1',
        processInstanceKey: '-1',
        processDefinitionKey: deployed.key,
        bpmnProcessId: deployed.bpmnProcessId,
        tenantId: deployed.tenantId,
      } satisfies SignalSubscriptionValue);
    }
  }

  private close(ctx: ProcessingContext, processDefinitionKey: string): void {
    const state = ctx.state;
    for (const subscription of state.messageStarts.ofProcessDefinition(processDefinitionKey)) {
      ctx.writers.appendEvent(subscription.key, 'MESSAGE_START_EVENT_SUBSCRIPTION', 'DELETED', {
        processDefinitionKey,
        bpmnProcessId: subscription.bpmnProcessId,
        startEventId: subscription.startEventId,
        messageName: subscription.messageName,
        processInstanceKey: '-1',
        messageKey: '-1',
        correlationKey: '',
        variables: {},
        tenantId: subscription.tenantId,
      } satisfies MessageStartEventSubscriptionValue);
    }
    for (const timer of state.timers.ofElementInstance('-1')) {
      if (timer.processDefinitionKey !== processDefinitionKey) continue;
      ctx.writers.appendEvent(timer.key, 'TIMER', 'CANCELED', {
        elementInstanceKey: '-1',
        processInstanceKey: '-1',
        processDefinitionKey,
        targetElementId: timer.targetElementId,
        dueDate: timer.dueDate,
        repetitions: timer.repetitions,
        tenantId: timer.tenantId,
      } satisfies TimerValue);
    }
    for (const subscription of state.signals.ofElementInstance('-1')) {
      if (subscription.processDefinitionKey !== processDefinitionKey) continue;
      ctx.writers.appendEvent(subscription.key, 'SIGNAL_SUBSCRIPTION', 'DELETED', {
        signalName: subscription.signalName,
        catchEventId: subscription.catchEventId,
        catchEventInstanceKey: '-1',
        processInstanceKey: '-1',
        processDefinitionKey,
        bpmnProcessId: subscription.bpmnProcessId,
        tenantId: subscription.tenantId,
      } satisfies SignalSubscriptionValue);
    }
  }
}
