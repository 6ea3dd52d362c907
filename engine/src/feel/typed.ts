import { FeelDateTime } from 'feelin';
import { parseDate, parseDuration } from '../time/iso8601';
import { expressionOf, isExpression, runExpression, type Evaluation } from './evaluate';
import type { FeelResult, FeelResultType } from './types';
import { toJson } from './values';
import { withWarnings } from './warnings';

/**
 * Typed evaluation at element activation (job type, retries, conditions, candidate groups,
 * timers), with the texts of Zeebe's ExpressionProcessor:
 *   "Expected result of the expression '{expr}' to be 'STRING', but was 'NUMBER'."
 * followed by the evaluation warnings, e.g. for a missing variable:
 *   "Expected result of the expression 'x' to be 'BOOLEAN', but was 'NULL'. The evaluation
 *    reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'x'"
 *
 * A static value (no '=') is typed as Zeebe 8.6's StaticExpression types it: NUMBER when it
 * reads as a decimal number (Java BigDecimal syntax: "3", "-1.5", "1e3"), STRING otherwise —
 * so static "true" is a STRING, not a BOOLEAN.
 */
type Success = Extract<Evaluation, { ok: true }>;

export function evaluateString(raw: string, context: Record<string, unknown>): FeelResult<string> {
  return expect(raw, context, 'STRING', (value) => value as string);
}

export function evaluateNumber(raw: string, context: Record<string, unknown>): FeelResult<number> {
  return expect(raw, context, 'NUMBER', (value) => value as number);
}

export function evaluateBoolean(
  raw: string,
  context: Record<string, unknown>,
): FeelResult<boolean> {
  return expect(raw, context, 'BOOLEAN', (value) => value as boolean);
}

export function evaluateArray(
  raw: string,
  context: Record<string, unknown>,
): FeelResult<unknown[]> {
  return expect(raw, context, 'ARRAY', (value) => toJson(value) as unknown[]);
}

/** A FEEL list of strings, or a static comma-separated list "a, b" (candidate groups/users). */
export function evaluateStringList(
  raw: string,
  context: Record<string, unknown>,
): FeelResult<string[]> {
  if (!isExpression(raw)) {
    const items = raw.split(',').map((item) => item.trim());
    return { ok: true, value: items.filter((item) => item !== '') };
  }
  const evaluation = evaluate(raw, context);
  if (!evaluation.ok) return evaluation;
  if (evaluation.type !== 'ARRAY') return mismatch(evaluation, 'ARRAY');
  const items = evaluation.value as unknown[];
  if (items.every((item): item is string => typeof item === 'string')) {
    return { ok: true, value: [...items] };
  }
  const message =
    `Expected result of the expression '${evaluation.expression}' to be 'ARRAY' containing ` +
    `'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.`;
  return { ok: false, message: withWarnings(message, evaluation.warnings) };
}

/**
 * A timer date (timeDate, due dates): a FEEL date and time, or a string in ISO 8601 with an
 * offset or zone. A local FEEL date and time is read in UTC, Zeebe's system zone.
 */
export function evaluateDateTime(raw: string, context: Record<string, unknown>): FeelResult<Date> {
  const evaluation = evaluate(raw, context);
  if (!evaluation.ok) return evaluation;
  const { value, type } = evaluation;
  if (type === 'DATE_TIME' && value instanceof FeelDateTime) {
    const text = toJson(value) as string;
    const parsed = parseDate(value.zone === null ? `${text}Z` : text);
    if (parsed.ok) return { ok: true, value: parsed.at };
  }
  if (type === 'STRING') {
    const parsed = parseDate(value as string);
    if (parsed.ok) return { ok: true, value: parsed.at };
    const message = `Invalid date-time format '${String(value)}' for expression '${evaluation.expression}'.`;
    return { ok: false, message: withWarnings(message, evaluation.warnings) };
  }
  return oneOfMismatch(evaluation, ['DATE_TIME', 'STRING']);
}

/** A timer duration or cycle interval: a FEEL duration, or an ISO 8601 duration string. */
export function evaluateDuration(
  raw: string,
  context: Record<string, unknown>,
): FeelResult<string> {
  const evaluation = evaluate(raw, context);
  if (!evaluation.ok) return evaluation;
  const { value, type } = evaluation;
  if (type === 'DURATION' || type === 'PERIOD') return { ok: true, value: toJson(value) as string };
  if (type === 'STRING') {
    if (parseDuration(value as string).ok) return { ok: true, value: value as string };
    const message = `Invalid duration format '${String(value)}' for expression '${evaluation.expression}'.`;
    return { ok: false, message: withWarnings(message, evaluation.warnings) };
  }
  return oneOfMismatch(evaluation, ['DURATION', 'PERIOD', 'STRING']);
}

function evaluate(raw: string, context: Record<string, unknown>): Evaluation {
  return isExpression(raw) ? runExpression(expressionOf(raw), context) : staticValue(raw);
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function staticValue(raw: string): Evaluation {
  const number = DECIMAL.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(number)
    ? { ok: true, expression: raw, value: number, type: 'NUMBER', warnings: [] }
    : { ok: true, expression: raw, value: raw, type: 'STRING', warnings: [] };
}

function expect<T>(
  raw: string,
  context: Record<string, unknown>,
  expected: FeelResultType,
  pick: (value: unknown) => T,
): FeelResult<T> {
  const evaluation = evaluate(raw, context);
  if (!evaluation.ok) return evaluation;
  if (evaluation.type !== expected) return mismatch(evaluation, expected);
  return { ok: true, value: pick(evaluation.value) };
}

function mismatch(evaluation: Success, expected: FeelResultType): FeelResult<never> {
  const message = `Expected result of the expression '${evaluation.expression}' to be '${expected}', but was '${evaluation.type}'.`;
  return { ok: false, message: withWarnings(message, evaluation.warnings) };
}

function oneOfMismatch(evaluation: Success, expected: FeelResultType[]): FeelResult<never> {
  const message = `Expected result of the expression '${evaluation.expression}' to be one of '[${expected.join(', ')}]', but was '${evaluation.type}'.`;
  return { ok: false, message: withWarnings(message, evaluation.warnings) };
}
