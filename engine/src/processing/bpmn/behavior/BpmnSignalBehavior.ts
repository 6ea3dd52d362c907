/**
 * Signal throw and end events (Zeebe's BpmnSignalBehavior): broadcast the signal, with the local
 * variables of the throwing element instance (set by its input mappings), as a follow-up SIGNAL
 * BROADCAST command in the instance's tenant.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { EngineState } from '../../../state/EngineState';
import { RIGHT_VOID, type Either } from '../../Either';
import type { SignalValue } from '../../signal/SignalBroadcastProcessor';
import type { Writers } from '../../Writers';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { ExpressionBehavior } from './ExpressionBehavior';

export class BpmnSignalBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
    private readonly expressions: ExpressionBehavior,
  ) {}

  broadcastNewSignal(element: ExecutableFlowNode, context: BpmnElementContext): Either<void> {
    const name = this.expressions.evaluateString(element.signal?.name ?? '', context.key);
    if (!name.ok) return name;
    const variables: Record<string, unknown> = {};
    for (const variable of this.state.variables.getLocals(context.key)) {
      variables[variable.name] = variable.value;
    }
    this.writers.appendFollowUpCommand(this.state.keys.nextKey(), 'SIGNAL', 'BROADCAST', {
      signalName: name.value,
      variables,
      tenantId: context.value.tenantId,
    } satisfies SignalValue);
    return RIGHT_VOID;
  }
}
