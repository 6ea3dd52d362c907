/**
 * dmn-scala puts Scala's `toString` of FEEL values into some failure texts, e.g.
 *   multiple values aren't allowed for UNIQUE hit policy. found:
 *   'List(Map(dish -> ValString(Steak)), Map(dish -> ValString(Stew)))'
 * Written by hand because no library renders Scala case classes: strings, numbers, booleans,
 * null and lists read exactly as dmn-scala's; temporal values and contexts are close (Scala
 * prints contexts with their internal StaticContext structure, which is not reproduced).
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { toJson } from '../../feel';

export type OutputRow = Map<string | undefined, unknown>;

/** `List(Map(a -> ValNumber(1)), …)` */
export function scalaRows(rows: OutputRow[]): string {
  return `List(${rows.map(scalaRow).join(', ')})`;
}

export function scalaRow(row: OutputRow): string {
  const entries = [...row].map(([name, value]) => `${name ?? 'null'} -> ${scalaVal(value)}`);
  return `Map(${entries.join(', ')})`;
}

export function scalaVal(value: unknown): string {
  if (value === null || value === undefined) return 'ValNull';
  if (typeof value === 'string') return `ValString(${value})`;
  if (typeof value === 'number') return `ValNumber(${value})`;
  if (typeof value === 'boolean') return `ValBoolean(${value})`;
  if (Array.isArray(value)) return `ValList(List(${value.map(scalaVal).join(', ')}))`;
  if (value instanceof FeelDateTime) return `ValDateTime(${String(toJson(value))})`;
  if (value instanceof FeelDate) return `ValDate(${value.toString()})`;
  if (value instanceof FeelTime) return `ValTime(${value.toString()})`;
  if (value instanceof FeelDuration) {
    return `${value.yearsMonths ? 'ValYearMonthDuration' : 'ValDayTimeDuration'}(${value.toString()})`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([key, entry]) => `${key} -> ${scalaVal(entry)}`);
    return `ValContext(Map(${entries.join(', ')}))`;
  }
  return `ValError(${String(value)})`;
}
