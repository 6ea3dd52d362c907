/**
 * Evaluates one decision of a DRG with the given variables, as Zeebe 8.6 does with dmn-scala
 * (DmnScalaDecisionEngine, DecisionEvaluator): the required decisions first (depth first, in
 * document order), each result visible to the requiring decision under the required decision's
 * result name (its variable's name, else its id); then the decision's own logic. Every decision
 * evaluated is audited, required ones first. Never throws: a failure is
 *   "Expected to evaluate decision '<called id>', but <reason>"
 * with the last decision evaluated as the failed one.
 *
 * Deliberate differences: business knowledge models, and contexts, lists, relations and
 * invocations as decision logic, are not evaluated (the evaluation fails, saying so); the result
 * is not checked against the decision's typeRef.
 */
import type { ExecutableDecision, ExecutableDrg } from '../types';
import { evaluateDecisionTable, feel, json, type Variables } from './DecisionTableEvaluator';
import type { DecisionEvaluationResult, EvaluatedDecision } from './types';

type Outcome = { ok: true; value: unknown } | { ok: false; reason: string };

export function evaluateDecision(
  drg: ExecutableDrg,
  decisionId: string,
  variables: Variables,
): DecisionEvaluationResult {
  const audit: EvaluatedDecision[] = [];
  const decision = drg.decisions.get(decisionId);
  const outcome: Outcome = decision
    ? evaluate(drg, decision, variables, audit)
    : { ok: false, reason: `no decision found with id '${decisionId}'` };
  if (outcome.ok) return { ok: true, output: json(outcome.value), evaluatedDecisions: audit };
  return {
    ok: false,
    failureMessage: `Expected to evaluate decision '${decisionId}', but ${outcome.reason}`,
    failedDecisionId: audit[audit.length - 1]?.decisionId ?? decisionId,
    evaluatedDecisions: audit,
  };
}

function evaluate(
  drg: ExecutableDrg,
  decision: ExecutableDecision,
  variables: Variables,
  audit: EvaluatedDecision[],
): Outcome {
  const results: Variables = {};
  for (const requiredId of decision.requiredDecisionIds) {
    const required = drg.decisions.get(requiredId);
    if (!required) continue; // an import: not read by this engine
    const outcome = evaluate(drg, required, variables, audit);
    if (!outcome.ok) return outcome;
    results[required.resultName] = outcome.value;
  }
  const context = { ...variables, ...results };
  const entry: EvaluatedDecision = {
    decisionId: decision.id,
    decisionName: decision.name,
    decisionType: decision.logic.type,
    decisionOutput: 'null',
    evaluatedInputs: [],
    matchedRules: [],
  };
  const outcome = evaluateLogic(decision, context, entry);
  if (outcome.ok) entry.decisionOutput = json(outcome.value);
  audit.push(entry);
  return outcome;
}

function evaluateLogic(
  decision: ExecutableDecision,
  context: Variables,
  entry: EvaluatedDecision,
): Outcome {
  if (decision.requiresKnowledge) {
    return {
      ok: false,
      reason: 'business knowledge models are not evaluated by this engine yet',
    };
  }
  const logic = decision.logic;
  switch (logic.type) {
    case 'DECISION_TABLE': {
      const table = evaluateDecisionTable(logic, context);
      entry.evaluatedInputs = table.evaluatedInputs;
      entry.matchedRules = table.matchedRules;
      return table.result;
    }
    case 'LITERAL_EXPRESSION':
      return feel(logic.expression, context);
    default:
      return {
        ok: false,
        reason: `decision logic of type '${logic.type}' is not evaluated by this engine yet`,
      };
  }
}
