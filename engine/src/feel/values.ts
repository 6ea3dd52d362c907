import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import type { FeelResultType, JsonValue } from './types';

/**
 * Between feelin's values and plain JSON.
 *
 * Variables come in as plain JSON and feelin reads them as they are. Results go back into
 * process variables, so they are turned into plain JSON the way Zeebe writes FEEL values to
 * MessagePack (`FeelToMessagePackTransformer`):
 * - date → `2026-11-28`; time → `10:00:00`, `10:00:00+01:00` or `10:00:00@Europe/Zurich`;
 * - zoned date and time → ISO with offset, `2026-11-28T10:00:00+01:00` (`Z` for UTC; a zone id
 *   such as `@Europe/Zurich` becomes the offset it has at that instant, as Java's
 *   ISO_OFFSET_DATE_TIME writes it); local date and time → `2026-11-28T10:00:00`;
 * - durations → ISO, `P1DT2H`, `P1Y2M`, `-PT30M`;
 * - ranges and functions → null (Zeebe writes nil for them); non-finite numbers → null.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function feelTypeOf(value: unknown): FeelResultType {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isFinite(value) ? 'NUMBER' : 'NULL';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof FeelDuration) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  if (value instanceof FeelDate) return 'DATE';
  if (isPlainObject(value)) return 'OBJECT';
  return 'UNKNOWN';
}

export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDuration) {
    return value.toString();
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJson(entry)]));
  }
  return null;
}

/** ISO 8601 with offset for a zoned date-time; without one for a local date-time. */
export function formatDateTime(dateTime: FeelDateTime): string {
  const local = dateTime.unwrap().toString();
  if (dateTime.zone === null) return local;
  return local + formatOffset(dateTime['time offset']);
}

function formatOffset(offset: FeelDuration): string {
  const totalSeconds = offset.hours * 3600 + offset.minutes * 60 + Math.trunc(offset.seconds);
  if (totalSeconds === 0) return 'Z';
  const sign = totalSeconds < 0 ? '-' : '+';
  const absolute = Math.abs(totalSeconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hoursMinutes = `${pad(Math.floor(absolute / 3600))}:${pad(Math.floor((absolute % 3600) / 60))}`;
  const seconds = absolute % 60;
  return `${sign}${hoursMinutes}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

/** Structural equality as FEEL compares list items (for `duplicate values`). */
export function valueEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => valueEquals(item, b[index]))
    );
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && valueEquals(a[key], b[key]))
    );
  }
  const typeA = feelTypeOf(a);
  return typeA !== 'UNKNOWN' && typeA === feelTypeOf(b) && toJson(a) === toJson(b);
}

/** A short rendering of a value for warning texts. */
export function describeValue(value: unknown): string {
  return JSON.stringify(toJson(value));
}
