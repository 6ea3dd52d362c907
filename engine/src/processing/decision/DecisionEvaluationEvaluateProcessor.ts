/**
 * DECISION_EVALUATION EVALUATE, the EvaluateDecision RPC (Zeebe's
 * DecisionEvaluationEvaluteProcessor): the latest decision by id (an id wins over a key), or the
 * decision by key, within the tenant; evaluated with the request's variables. A finished
 * evaluation — also a failed one — is the event EVALUATED or FAILED and the answer; a decision
 * that cannot be found is a rejection (INVALID_ARGUMENT, as in Zeebe).
 */
import type { Decision } from '../../state/DecisionState';
import type { DecisionEvaluationValue } from '../../state/protocol/values';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import { DecisionBehavior, type Lookup } from './DecisionBehavior';

export interface DecisionEvaluationCommandValue {
  decisionId: string;
  /** '-1' when not given. */
  decisionKey: string;
  variables: Record<string, unknown>;
  tenantId: string;
}

/** What the caller gets: the event value and its key (Zeebe's decisionInstanceKey). */
export interface DecisionEvaluationResponse {
  key: string;
  value: DecisionEvaluationValue;
}

const NO_IDENTIFIER = 'Expected either a decision id or a valid decision key, but none provided';

export class DecisionEvaluationEvaluateProcessor implements CommandProcessor<DecisionEvaluationCommandValue> {
  process(command: TypedCommand<DecisionEvaluationCommandValue>, ctx: ProcessingContext): void {
    const decisions = new DecisionBehavior(ctx.state);
    const request = command.value;
    const decision = findDecision(decisions, request);
    const drg = decision.ok ? decisions.findDrgByDecision(decision.value) : decision;
    if (!decision.ok || !drg.ok) {
      const reason = !decision.ok ? decision.message : drg.ok ? '' : drg.message;
      return ctx.reject('INVALID_ARGUMENT', reason);
    }
    const result = decisions.evaluate(drg.value, decision.value.decisionId, request.variables);
    const event = decisions.createEvaluationEvent(decision.value, result);
    const key = ctx.state.keys.nextKey();
    ctx.writers.appendEvent(key, 'DECISION_EVALUATION', event.intent, event.value);
    ctx.respond({ key, value: event.value } satisfies DecisionEvaluationResponse);
  }
}

function findDecision(
  decisions: DecisionBehavior,
  request: DecisionEvaluationCommandValue,
): Lookup<Decision> {
  if (request.decisionId !== '') {
    return decisions.findLatestDecisionByIdAndTenant(request.decisionId, request.tenantId);
  }
  if (/^\d+$/.test(request.decisionKey)) {
    return decisions.findDecisionByKeyAndTenant(request.decisionKey, request.tenantId);
  }
  return { ok: false, message: NO_IDENTIFIER };
}
