/**
 * SIGNAL BROADCAST: recorded and acknowledged. Signal catch events come with a later issue;
 * until then no subscription waits for a signal.
 */
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';

export interface SignalValue {
  signalName: string;
  variables: Record<string, unknown>;
  tenantId: string;
}

export class SignalBroadcastProcessor implements CommandProcessor<SignalValue> {
  process(command: TypedCommand<SignalValue>, ctx: ProcessingContext): void {
    const key = ctx.state.keys.nextKey();
    ctx.writers.appendEvent(key, 'SIGNAL', 'BROADCASTED', command.value);
    ctx.respond({ key, tenantId: command.value.tenantId });
  }
}
