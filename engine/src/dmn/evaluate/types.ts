/**
 * What a decision evaluation returns (Zeebe's DecisionEvaluationResult with its EvaluatedDecision
 * audit): values are JSON texts, as Zeebe's records carry them (MessagePack written as JSON).
 * A failure is a value, never an exception.
 */

export type DecisionType =
  | 'DECISION_TABLE'
  | 'LITERAL_EXPRESSION'
  | 'CONTEXT'
  | 'LIST'
  | 'RELATION'
  | 'INVOCATION'
  | 'UNKNOWN';

export interface EvaluatedInput {
  inputId: string;
  /** The input's label; '' when it has none. */
  inputName: string;
  /** JSON text. */
  inputValue: string;
}

export interface EvaluatedOutput {
  outputId: string;
  /** The output's name; '' when it has none. */
  outputName: string;
  /** JSON text. */
  outputValue: string;
}

export interface MatchedRule {
  ruleId: string;
  /** 1-based position of the rule in its table. */
  ruleIndex: number;
  evaluatedOutputs: EvaluatedOutput[];
}

/** One decision of the DRG that was evaluated (required decisions first, the called one last). */
export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  decisionType: DecisionType;
  /** JSON text; "null" when the decision failed. */
  decisionOutput: string;
  evaluatedInputs: EvaluatedInput[];
  matchedRules: MatchedRule[];
}

export type DecisionEvaluationResult =
  | {
      ok: true;
      /** JSON text of the called decision's result. */
      output: string;
      evaluatedDecisions: EvaluatedDecision[];
    }
  | {
      ok: false;
      /** "Expected to evaluate decision '<id>', but <reason>" (DmnScalaDecisionEngine). */
      failureMessage: string;
      /** The decision that failed: the last one evaluated, else the called one. */
      failedDecisionId: string;
      evaluatedDecisions: EvaluatedDecision[];
    };
