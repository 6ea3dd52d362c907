import { evaluate, SyntaxError as FeelSyntaxError, unaryTest } from 'feelin';
import { BUILTINS } from './builtins';
import { EvaluationScope, runInScope } from './scope';
import { checkExpression, checkUnaryTests, parseFailure } from './syntax';
import type { FeelResult, FeelResultType, FeelWarning } from './types';
import { feelTypeOf, toJson } from './values';
import { fromFeelinWarnings, withWarnings } from './warnings';

/**
 * Evaluating FEEL as Zeebe 8.6 does (feel-scala 1.18): a missing variable, context entry or
 * function evaluates to null with a warning instead of failing; what fails is a syntax error,
 * a failed `assert`, and a result of the wrong type (see typed.ts). Failure texts:
 * - "failed to parse expression '{expr}': ..."                  (FeelEngine.parse)
 * - "failed to evaluate expression '{expr}': ..."               (FeelEngine.eval)
 * - "Assertion failure on evaluate the expression '{expr}': {cause}" (FeelEngine.eval)
 * each followed by the warnings, as ExpressionProcessor.createFailureMessage appends them.
 * '{expr}' is the text after '=', as Zeebe quotes it.
 */
export type Evaluation =
  | { ok: true; expression: string; value: unknown; type: FeelResultType; warnings: FeelWarning[] }
  | { ok: false; message: string };

export function isExpression(raw: string): boolean {
  return raw.trim().startsWith('=');
}

/** The expression text of '=expr' (everything after '='). */
export function expressionOf(raw: string): string {
  return raw.trimStart().slice(1);
}

export function runExpression(expression: string, variables: Record<string, unknown>): Evaluation {
  const syntax = checkExpression(expression);
  if (!syntax.ok) return syntax;
  return run(expression, () => evaluate(expression, { ...BUILTINS, ...variables }));
}

export function evaluateExpression(
  expression: string,
  context: Record<string, unknown>,
): FeelResult {
  return toResult(runExpression(expression, context));
}

/** '=expr' is FEEL; anything else is the static string itself. */
export function evaluateValue(raw: string, context: Record<string, unknown>): FeelResult {
  return isExpression(raw)
    ? evaluateExpression(expressionOf(raw), context)
    : { ok: true, value: raw };
}

/**
 * DMN input entries: does `inputValue` pass the unary tests (`> 5`, `"a","b"`, `[1..10]`, `-`)?
 * A blank entry matches anything, as an empty cell in a decision table does.
 */
export function evaluateUnaryTests(
  tests: string,
  inputValue: unknown,
  context: Record<string, unknown>,
): FeelResult<boolean> {
  if (tests.trim() === '') return { ok: true, value: true };
  const syntax = checkUnaryTests(tests);
  if (!syntax.ok) return syntax;
  const evaluation = run(tests, () =>
    unaryTest(tests, { ...BUILTINS, ...context, '?': inputValue ?? null }),
  );
  return evaluation.ok ? { ok: true, value: evaluation.value === true } : evaluation;
}

function run(
  expression: string,
  evaluateWithFeelin: () => { value: unknown; warnings: Parameters<typeof fromFeelinWarnings>[0] },
): Evaluation {
  const scope = new EvaluationScope();
  let result: ReturnType<typeof evaluateWithFeelin>;
  try {
    result = runInScope(scope, evaluateWithFeelin);
  } catch (error) {
    return { ok: false, message: withWarnings(failureOf(expression, error), scope.warnings) };
  }
  const warnings = [...fromFeelinWarnings(result.warnings, expression), ...scope.warnings];
  if (scope.assertionFailure !== undefined) {
    const message = `Assertion failure on evaluate the expression '${expression}': ${scope.assertionFailure}`;
    return { ok: false, message: withWarnings(message, warnings) };
  }
  return { ok: true, expression, value: result.value, type: feelTypeOf(result.value), warnings };
}

function failureOf(expression: string, error: unknown): string {
  if (error instanceof FeelSyntaxError) {
    return parseFailure(expression, error.message, error.position.from);
  }
  const cause = error instanceof Error ? error.message : String(error);
  return `failed to evaluate expression '${expression}': ${cause}`;
}

function toResult(evaluation: Evaluation): FeelResult {
  return evaluation.ok ? { ok: true, value: toJson(evaluation.value) } : evaluation;
}
