/** The DECISION_EVALUATION event as the EvaluateDecision answer (Zeebe's gateway ResponseMapper). */
import type { EvaluateDecisionResponse } from '../../api';
import type { DecisionEvaluationResponse } from './DecisionEvaluationEvaluateProcessor';

export function toEvaluateDecisionResponse({
  key,
  value,
}: DecisionEvaluationResponse): EvaluateDecisionResponse {
  return {
    decisionKey: value.decisionKey,
    decisionId: value.decisionId,
    decisionName: value.decisionName,
    decisionVersion: value.decisionVersion,
    decisionRequirementsId: value.decisionRequirementsId,
    decisionRequirementsKey: value.decisionRequirementsKey,
    decisionOutput: value.decisionOutput,
    evaluatedDecisions: value.evaluatedDecisions.map((decision) => ({ ...decision })),
    failedDecisionId: value.failedDecisionId,
    failureMessage: value.evaluationFailureMessage,
    tenantId: value.tenantId,
    decisionInstanceKey: key,
  };
}
