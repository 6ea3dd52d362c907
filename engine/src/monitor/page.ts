/**
 * Keyset pagination: a page is read with `limit + 1` rows in index order; the extra row only
 * says that there is a next page, whose cursor is the sort key of the page's last item.
 */
import type { MonitorPage, PageQuery } from './types';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

/** A query the monitor cannot answer: a malformed key, cursor or limit. */
export class MonitorQueryError extends Error {
  readonly code = 'INVALID_ARGUMENT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'MonitorQueryError';
  }
}

const KEY = /^\d{1,19}$/;

/** A key or position given from outside (never let the database parse it). */
export function checkKey(field: string, value: string): string {
  if (!KEY.test(value)) throw new MonitorQueryError(field, 'must be a decimal key');
  return value;
}

export function limitOf(query: PageQuery): number {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new MonitorQueryError('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

/** The cursor of a query ordered by a key or position (the cursor is that value). */
export function afterOf(query: PageQuery): string | undefined {
  if (query.after === undefined || query.after === null) return undefined;
  return checkKey('after', query.after);
}

/** Cuts the `limit + 1` rows read down to a page. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (item: T) => string): MonitorPage<T> {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  return { items, next: cursorOf(items[items.length - 1]!) };
}
