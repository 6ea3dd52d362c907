/**
 * SIGNAL BROADCAST (Zeebe's SignalBroadcastProcessor): every signal subscription for the name in
 * the signal's tenant is triggered with the signal's variables — catch events, boundary events
 * and event subprocesses of running instances, and the signal start event of the latest version
 * of each process (a new instance). Broadcast by a client or by a signal throw event.
 */
import type { BpmnBehaviors } from '../bpmn/behavior/BpmnBehaviors';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

export interface SignalValue {
  signalName: string;
  variables: Record<string, unknown>;
  tenantId: string;
}

export class SignalBroadcastProcessor implements CommandProcessor<SignalValue> {
  constructor(private readonly b: BpmnBehaviors) {}

  process(command: TypedCommand<SignalValue>, ctx: ProcessingContext): void {
    const { signalName, variables, tenantId } = command.value;
    // a throw event's broadcast comes with its key
    const key = command.key === '-1' ? ctx.state.keys.nextKey() : command.key;
    const subscriptions = ctx.state.signals.forSignal(tenantId, signalName);
    ctx.writers.appendEvent(key, 'SIGNAL', 'BROADCASTED', command.value);
    for (const subscription of subscriptions) {
      if (subscription.elementInstanceKey === '-1') {
        const deployed = ctx.state.processes.getProcessByKey(subscription.processDefinitionKey);
        if (deployed) {
          this.b.startEvents.startProcessInstance(deployed, subscription.catchEventId, variables);
        }
      } else if (
        this.b.eventTriggers.canTrigger(subscription.elementInstanceKey, subscription.catchEventId)
      ) {
        this.b.eventTriggers.triggerCatchEvent(
          subscription.elementInstanceKey,
          subscription.catchEventId,
          variables,
          key,
        );
      }
    }
    ctx.respond({ key, tenantId });
  }
}
