/**
 * A decision table, step by step as dmn-scala's DecisionTableEvaluator: input expressions in
 * order; then every rule's input entries (FEEL unary tests against `?` = the input value; an
 * empty entry matches; false or null stops the rule); no match → the default output entries
 * (none → null); otherwise the output entries of the matched rules (FIRST: of the first only),
 * then the hit policy. The audit (inputs and matched rules) is what the result carries.
 */
import { evaluateUnaryTests, runExpression, toJson, withoutWarnings } from '../../feel';
import type { DecisionTableLogic, DecisionTableRule } from '../types';
import { applyHitPolicy, rowValue } from './hitPolicy';
import type { OutputRow } from './scalaText';
import type { EvaluatedInput, MatchedRule } from './types';

export type Variables = Record<string, unknown>;

export interface TableEvaluation {
  /** The FEEL value of the table (feelin's values, not yet JSON), or why it failed. */
  result: { ok: true; value: unknown } | { ok: false; reason: string };
  evaluatedInputs: EvaluatedInput[];
  matchedRules: MatchedRule[];
}

export function evaluateDecisionTable(
  table: DecisionTableLogic,
  variables: Variables,
): TableEvaluation {
  const audit: Omit<TableEvaluation, 'result'> = { evaluatedInputs: [], matchedRules: [] };
  const done = (result: TableEvaluation['result']): TableEvaluation => ({ result, ...audit });

  const inputValues: unknown[] = [];
  for (const input of table.inputs) {
    const value = feel(input.expression, variables);
    if (!value.ok) return done(value);
    inputValues.push(value.value);
  }
  audit.evaluatedInputs = table.inputs.map((input, index) => ({
    inputId: input.id,
    inputName: input.label ?? '',
    inputValue: json(inputValues[index]),
  }));

  const matched: DecisionTableRule[] = [];
  for (const rule of table.rules) {
    const matches = ruleMatches(rule, inputValues, variables);
    if (!matches.ok) return done(matches);
    if (matches.value) matched.push(rule);
  }
  if (matched.length === 0) return done(defaultOutput(table, variables));

  const rules = table.hitPolicy === 'FIRST' ? matched.slice(0, 1) : matched;
  const rows: OutputRow[] = [];
  for (const rule of rules) {
    const row: OutputRow = new Map();
    for (const [index, output] of table.outputs.entries()) {
      const value = feel(rule.outputEntries[index] ?? '', variables);
      if (!value.ok) return done(value);
      row.set(output.name, value.value);
    }
    rows.push(row);
  }
  audit.matchedRules = rules.map((rule, index) => ({
    ruleId: rule.id,
    ruleIndex: table.rules.indexOf(rule) + 1,
    evaluatedOutputs: table.outputs.map((output) => ({
      outputId: output.id,
      outputName: output.name ?? '',
      outputValue: json(rows[index]?.get(output.name)),
    })),
  }));
  return done(applyHitPolicy(table, rows));
}

function ruleMatches(
  rule: DecisionTableRule,
  inputValues: unknown[],
  variables: Variables,
): { ok: true; value: boolean } | { ok: false; reason: string } {
  for (const [index, entry] of rule.inputEntries.entries()) {
    const test = evaluateUnaryTests(entry, inputValues[index], variables);
    if (!test.ok) return { ok: false, reason: withoutWarnings(test.message) };
    if (!test.value) return { ok: true, value: false };
  }
  return { ok: true, value: true };
}

/** No rule matched: the outputs' default entries (a context when several), else null. */
function defaultOutput(table: DecisionTableLogic, variables: Variables): TableEvaluation['result'] {
  const row: OutputRow = new Map();
  for (const output of table.outputs) {
    if (output.defaultOutputEntry === undefined) continue;
    const value = feel(output.defaultOutputEntry, variables);
    if (!value.ok) return value;
    row.set(output.name, value.value);
  }
  return { ok: true, value: row.size === 0 ? null : rowValue(row) };
}

/** A FEEL expression of the table; failures in feel-scala's words (no warnings appended). */
export function feel(
  expression: string,
  variables: Variables,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const evaluation = runExpression(expression, variables);
  return evaluation.ok
    ? { ok: true, value: evaluation.value }
    : { ok: false, reason: withoutWarnings(evaluation.message) };
}

export function json(value: unknown): string {
  return JSON.stringify(toJson(value));
}
