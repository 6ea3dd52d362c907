/**
 * SIGNAL BROADCAST: every signal catch event and boundary event waiting for the signal (in the
 * signal's tenant) is triggered with its variables. Signal start events come with a later issue.
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
    const key = ctx.state.keys.nextKey();
    ctx.writers.appendEvent(key, 'SIGNAL', 'BROADCASTED', command.value);
    for (const subscription of ctx.state.signals.forSignal(tenantId, signalName)) {
      if (
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
