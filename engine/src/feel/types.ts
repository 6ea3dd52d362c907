/** A FEEL outcome: a plain-JSON value, or Zeebe's failure text. Never thrown. */
export type FeelResult<T = unknown> = { ok: true; value: T } | { ok: false; message: string };

/** Outcome of a syntax check at deploy time. */
export type FeelCheck = { ok: true } | { ok: false; message: string };

/**
 * Zeebe's names for the type of an evaluation result (`io.camunda.zeebe.el.ResultType`), used
 * verbatim in its incident messages. Times, ranges and functions are `UNKNOWN` there too.
 */
export type FeelResultType =
  | 'NULL'
  | 'BOOLEAN'
  | 'NUMBER'
  | 'STRING'
  | 'ARRAY'
  | 'OBJECT'
  | 'DURATION'
  | 'PERIOD'
  | 'DATE'
  | 'DATE_TIME'
  | 'UNKNOWN';

/**
 * A failure the evaluation suppressed (it went on with `null`), as Zeebe lists it in incident
 * messages: `[NO_VARIABLE_FOUND] No variable found with name 'x'`.
 */
export type FeelWarning = { type: string; message: string };

/** What variables are made of, and what results are turned into before they are stored. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
