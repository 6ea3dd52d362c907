/** Conversions between database columns (int8 as strings, jsonb parsed) and state values. */

export function keyColumn(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`Expected a key column, got ${typeof value}`);
}

export function numberColumn(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || typeof value === 'bigint') return Number(value);
  throw new TypeError(`Expected a numeric column, got ${typeof value}`);
}

export function textColumn(value: unknown): string {
  if (typeof value === 'string') return value;
  throw new TypeError(`Expected a text column, got ${typeof value}`);
}

/** jsonb comes back parsed on both drivers (a JSON string value arrives as a JS string). */
export function jsonColumn<T>(value: unknown): T {
  return value as T;
}

/** jsonb goes in as JSON text so that strings and arrays are stored as JSON, not as SQL values. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
