/**
 * Evaluates the called decision of a business rule task (Zeebe's BpmnDecisionBehavior): the
 * decision id (static or FEEL) → the latest decision of that id in the instance's tenant → its
 * DRG's model → evaluation with the variables visible at the element instance. Writes
 * DECISION_EVALUATION EVALUATED or FAILED with the instance's keys, and on success the result
 * variable as an event trigger (applied with the output mappings on completion, so an output
 * mapping incident does not evaluate the decision again).
 *
 * Failures: no such decision or DRG → CALLED_DECISION_ERROR; a failed evaluation →
 * DECISION_EVALUATION_ERROR, with Zeebe's texts.
 */
import type { ExecutableFlowNode } from '../../../model/types';
import type { EngineState } from '../../../state/EngineState';
import { left, RIGHT_VOID, type Either } from '../../Either';
import type { DecisionBehavior } from '../../decision/DecisionBehavior';
import type { Writers } from '../../Writers';
import type { BpmnElementContext } from '../BpmnElementContext';
import type { BpmnEventTriggerBehavior } from './BpmnEventTriggerBehavior';
import type { ExpressionBehavior } from './ExpressionBehavior';

export class BpmnDecisionBehavior {
  constructor(
    private readonly state: EngineState,
    private readonly writers: Writers,
    private readonly decisions: DecisionBehavior,
    private readonly expressions: ExpressionBehavior,
    private readonly eventTriggers: BpmnEventTriggerBehavior,
  ) {}

  evaluateDecision(element: ExecutableFlowNode, context: BpmnElementContext): Either<void> {
    const called = element.calledDecision;
    if (!called) throw new Error(`Element '${element.id}' calls no decision`);
    const scopeKey = context.key;
    const decisionId = this.expressions.evaluateString(called.decisionId, scopeKey);
    if (!decisionId.ok) return decisionId;

    const decision = this.decisions.findLatestDecisionByIdAndTenant(
      decisionId.value,
      context.value.tenantId,
    );
    const drg = decision.ok ? this.decisions.findDrgByDecision(decision.value) : decision;
    if (!decision.ok || !drg.ok) {
      const message = !decision.ok ? decision.message : drg.ok ? '' : drg.message;
      return left(message, 'CALLED_DECISION_ERROR', scopeKey);
    }

    const variables = this.expressions.variablesAt(scopeKey);
    const result = this.decisions.evaluate(drg.value, decisionId.value, variables);
    const event = this.decisions.createEvaluationEvent(decision.value, result);
    this.writers.appendEvent(this.state.keys.nextKey(), 'DECISION_EVALUATION', event.intent, {
      ...event.value,
      bpmnProcessId: context.value.bpmnProcessId,
      processDefinitionKey: context.value.processDefinitionKey,
      processInstanceKey: context.value.processInstanceKey,
      elementId: context.value.elementId,
      elementInstanceKey: context.key,
    });
    if (!result.ok) return left(result.failureMessage, 'DECISION_EVALUATION_ERROR', scopeKey);

    this.eventTriggers.triggerWithVariables(context, {
      [called.resultVariable]: JSON.parse(result.output) as unknown,
    });
    return RIGHT_VOID;
  }
}
