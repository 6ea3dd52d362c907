/**
 * What business rule tasks and the EvaluateDecision command share (Zeebe's DecisionBehavior):
 * finding the decision (latest by id, or by key, within the tenant) and its DRG's model,
 * evaluating it, and the DECISION_EVALUATION record value with each evaluated decision's key and
 * version. Lookup failures are Zeebe's texts; nothing here writes.
 */
import { evaluateDecision, type DecisionEvaluationResult, type ExecutableDrg } from '../../dmn';
import type { Decision } from '../../state/DecisionState';
import type { EngineState } from '../../state/EngineState';
import type { DecisionEvaluationValue } from '../../state/protocol/values';

export type Lookup<T> = { ok: true; value: T } | { ok: false; message: string };

export interface DecisionEvaluationEvent {
  intent: 'EVALUATED' | 'FAILED';
  value: DecisionEvaluationValue;
}

export class DecisionBehavior {
  constructor(private readonly state: EngineState) {}

  findLatestDecisionByIdAndTenant(decisionId: string, tenantId: string): Lookup<Decision> {
    const decision = this.state.decisions.getLatestDecision(decisionId, tenantId);
    return decision
      ? { ok: true, value: decision }
      : lookupFailure(decisionId, `no decision found for id '${decisionId}'`);
  }

  findDecisionByKeyAndTenant(decisionKey: string, tenantId: string): Lookup<Decision> {
    const decision = this.state.decisions.getDecisionByKey(decisionKey);
    return decision && decision.tenantId === tenantId
      ? { ok: true, value: decision }
      : lookupFailure(decisionKey, `no decision found for key '${decisionKey}'`);
  }

  findDrgByDecision(decision: Decision): Lookup<ExecutableDrg> {
    const model = this.state.decisions.getModel(decision.decisionRequirementsKey);
    return model
      ? { ok: true, value: model }
      : lookupFailure(
          decision.decisionId,
          `no drg found for id '${decision.decisionRequirementsId}'`,
        );
  }

  evaluate(
    drg: ExecutableDrg,
    decisionId: string,
    variables: Record<string, unknown>,
  ): DecisionEvaluationResult {
    return evaluateDecision(drg, decisionId, variables);
  }

  /** The DECISION_EVALUATION event of an evaluation (process fields for the caller to set). */
  createEvaluationEvent(
    decision: Decision,
    result: DecisionEvaluationResult,
  ): DecisionEvaluationEvent {
    const siblings = new Map(
      this.state.decisions
        .getDecisionsOf(decision.decisionRequirementsKey)
        .map((d) => [d.decisionId, d] as const),
    );
    const value: DecisionEvaluationValue = {
      decisionKey: decision.key,
      decisionId: decision.decisionId,
      decisionName: decision.name,
      decisionVersion: decision.version,
      decisionRequirementsId: decision.decisionRequirementsId,
      decisionRequirementsKey: decision.decisionRequirementsKey,
      decisionOutput: result.ok ? result.output : 'null',
      bpmnProcessId: '',
      processDefinitionKey: '-1',
      processInstanceKey: '-1',
      elementId: '',
      elementInstanceKey: '-1',
      evaluatedDecisions: result.evaluatedDecisions.map((evaluated) => {
        const known = siblings.get(evaluated.decisionId);
        return {
          decisionId: evaluated.decisionId,
          decisionName: evaluated.decisionName,
          decisionKey: known?.key ?? '-1',
          decisionVersion: known?.version ?? -1,
          decisionType: evaluated.decisionType,
          decisionOutput: evaluated.decisionOutput,
          tenantId: decision.tenantId,
          evaluatedInputs: evaluated.evaluatedInputs,
          matchedRules: evaluated.matchedRules,
        };
      }),
      evaluationFailureMessage: result.ok ? '' : result.failureMessage,
      failedDecisionId: result.ok ? '' : result.failedDecisionId,
      variables: {},
      tenantId: decision.tenantId,
    };
    return { intent: result.ok ? 'EVALUATED' : 'FAILED', value };
  }
}

/** DecisionBehavior.formatDecisionLookupFailure */
function lookupFailure(decision: string, reason: string): { ok: false; message: string } {
  return { ok: false, message: `Expected to evaluate decision '${decision}', but ${reason}` };
}
