/**
 * Hit policies and aggregations (dmn-scala's DecisionTableEvaluator.applyHitPolicy): from the
 * output rows of the matched rules (in rule order) to the table's result. A single-output row is
 * its value; a row of several outputs is a context; several rows are a list. Failures carry
 * dmn-scala's texts.
 */
import { valueEquals } from '../../feel';
import type { DecisionTableLogic, DecisionTableOutput } from '../types';
import { scalaRows, scalaVal, type OutputRow } from './scalaText';

export type HitPolicyResult = { ok: true; value: unknown } | { ok: false; reason: string };

export function applyHitPolicy(table: DecisionTableLogic, rows: OutputRow[]): HitPolicyResult {
  switch (table.hitPolicy) {
    case 'FIRST':
      return ok(singleValue(rows));
    case 'UNIQUE':
      if (rows.length <= 1) return ok(singleValue(rows));
      return fail(
        `multiple values aren't allowed for UNIQUE hit policy. found: '${scalaRows(rows)}'`,
      );
    case 'ANY': {
      const distinct = distinctRows(rows);
      if (distinct.length <= 1) return ok(singleValue(rows));
      return fail(
        `different values aren't allowed for ANY hit policy. found: '${scalaRows(distinct)}'`,
      );
    }
    case 'PRIORITY':
      return ok(singleValue(sortByPriority(rows, table.outputs)));
    case 'OUTPUT ORDER':
      return ok(multipleValues(sortByPriority(rows, table.outputs)));
    case 'RULE ORDER':
      return ok(multipleValues(rows));
    case 'COLLECT':
      return collect(table, rows);
  }
}

function collect(table: DecisionTableLogic, rows: OutputRow[]): HitPolicyResult {
  if (table.aggregation === undefined) return ok(multipleValues(rows));
  if (table.aggregation === 'COUNT') return ok(rows.length);
  const numbers = singleNumbers(rows);
  if (!numbers.ok) return numbers;
  switch (table.aggregation) {
    case 'SUM':
      return ok(numbers.value.reduce((sum, n) => sum + n, 0));
    case 'MIN':
      return ok(Math.min(...numbers.value));
    case 'MAX':
      return ok(Math.max(...numbers.value));
  }
}

function singleNumbers(rows: OutputRow[]): { ok: true; value: number[] } | HitFailure {
  if (rows.some((row) => row.size !== 1)) {
    // Scala prints this list without quotes
    return fail(`multiple values aren't allowed. found: ${scalaRows(rows)}`);
  }
  const values: number[] = [];
  for (const row of rows) {
    const value = [...row.values()][0];
    if (typeof value !== 'number') return fail(`expected number but found '${scalaVal(value)}'`);
    values.push(value);
  }
  return { ok: true, value: values };
}

/** The first row: its value, or a context of its outputs; null without rows. */
export function singleValue(rows: OutputRow[]): unknown {
  const [first] = rows;
  return first === undefined ? null : rowValue(first);
}

function multipleValues(rows: OutputRow[]): unknown {
  return rows.length === 0 ? null : rows.map(rowValue);
}

export function rowValue(row: OutputRow): unknown {
  if (row.size === 1) return [...row.values()][0];
  const context: Record<string, unknown> = {};
  for (const [name, value] of row) context[name ?? 'null'] = value;
  return context;
}

function distinctRows(rows: OutputRow[]): OutputRow[] {
  const distinct: OutputRow[] = [];
  for (const row of rows) {
    if (!distinct.some((known) => sameRow(known, row))) distinct.push(row);
  }
  return distinct;
}

function sameRow(a: OutputRow, b: OutputRow): boolean {
  return a.size === b.size && [...a].every(([name, value]) => valueEquals(value, b.get(name)));
}

/**
 * PRIORITY and OUTPUT ORDER: rows ordered by the position of each output's value in that
 * output's `outputValues` list (`"high","medium","low"`), outputs left to right; values not in
 * the list (and values that are neither strings nor numbers) come last; ties keep rule order.
 * dmn-scala compares the positions as concatenated strings; compared as numbers here, which is
 * the same for lists of up to ten values.
 */
function sortByPriority(rows: OutputRow[], outputs: DecisionTableOutput[]): OutputRow[] {
  const priorities = outputs.map((output) => ({
    name: output.name,
    values: (output.outputValues ?? '')
      .split(',')
      .map((value) => value.trim().replace(/["']/g, '')),
  }));
  const rank = (row: OutputRow): number[] =>
    priorities.map(({ name, values }) => {
      const value = row.get(name);
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : null;
      const index = text === null ? -1 : values.indexOf(text);
      return index < 0 ? Number.POSITIVE_INFINITY : index;
    });
  return rows
    .map((row, index) => ({ row, index, rank: rank(row) }))
    .sort((a, b) => compareRanks(a.rank, b.rank) || a.index - b.index)
    .map(({ row }) => row);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const left = a[i] ?? 0;
    const right = b[i] ?? 0;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

type HitFailure = { ok: false; reason: string };

function ok(value: unknown): HitPolicyResult {
  return { ok: true, value };
}

function fail(reason: string): HitFailure {
  return { ok: false, reason };
}
