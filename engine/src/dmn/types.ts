/**
 * What a deployed .dmn resource becomes after parsing and validation: one decision requirements
 * graph (DRG, the `definitions` element) with its decisions — ids and names for deployment, and
 * the executable model (`ExecutableDrg`) that evaluation (`./evaluate`) runs.
 */

export interface ParsedDecision {
  /** The decision's `id`, unique within a deployment and versioned per tenant. */
  id: string;
  name: string;
}

export interface ParsedDrg {
  /** The `definitions` id: the decision requirements id. */
  id: string;
  name: string;
  /** The `namespace` attribute of `definitions`. */
  namespace: string;
  decisions: ParsedDecision[];
  /** What evaluation needs, kept in memory per deployed DRG version. */
  executable: ExecutableDrg;
}

/** A failure is Zeebe's text without the resource name ("'x.dmn': " is added by the caller). */
export type DmnTransformResult = { ok: true; drg: ParsedDrg } | { ok: false; failure: string };

// ---- the executable model (dmn-scala's ParsedDmn, reduced to what this engine evaluates) -------

export type HitPolicy =
  'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionTableInput {
  id: string;
  /** The input's label: Zeebe's `inputName`. */
  label?: string;
  /** FEEL expression (no leading '='). */
  expression: string;
}

export interface DecisionTableOutput {
  id: string;
  /** The output's name: the key in the result context (undefined for a single unnamed output). */
  name?: string;
  /** `outputValues`: the priority order for PRIORITY and OUTPUT ORDER, e.g. `"high","low"`. */
  outputValues?: string;
  /** `defaultOutputEntry`: FEEL expression used when no rule matches. */
  defaultOutputEntry?: string;
}

export interface DecisionTableRule {
  id: string;
  /** FEEL unary tests, one per input ('' and '-' match anything). */
  inputEntries: string[];
  /** FEEL expressions, one per output. */
  outputEntries: string[];
}

export interface DecisionTableLogic {
  type: 'DECISION_TABLE';
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: DecisionTableInput[];
  outputs: DecisionTableOutput[];
  rules: DecisionTableRule[];
}

export interface LiteralExpressionLogic {
  type: 'LITERAL_EXPRESSION';
  expression: string;
}

/** Decision logic the model accepts but this engine does not evaluate (yet). */
export interface UnsupportedLogic {
  type: 'CONTEXT' | 'LIST' | 'RELATION' | 'INVOCATION' | 'UNKNOWN';
}

export type DecisionLogic = DecisionTableLogic | LiteralExpressionLogic | UnsupportedLogic;

export interface ExecutableDecision {
  id: string;
  name: string;
  /** The name its result has for decisions that require it: the variable's name, else the id. */
  resultName: string;
  /** Ids of the decisions it requires (information requirements), in document order. */
  requiredDecisionIds: string[];
  /** Whether it requires business knowledge models (not evaluated by this engine yet). */
  requiresKnowledge: boolean;
  logic: DecisionLogic;
}

export interface ExecutableDrg {
  id: string;
  name: string;
  decisions: Map<string, ExecutableDecision>;
}
