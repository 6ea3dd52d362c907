/**
 * The list routes that do not follow ra-data-simple-rest, adapted here so that react-admin's
 * <List> works over them unchanged (dataProvider.ts asks `customList` first):
 *
 * - `paged`: `?page=&perPage=&<filter>=…` answered `{ data, pageInfo }` (cases, audit log,
 *   mail outbox) — react-admin's partial pagination;
 * - `whole`: the whole list as a JSON array, filtered by the given keys only (tenants);
 * - `keyset`: monitoring's `{ items, next }` pages (`?size=&after=`), records keyed by `key`;
 *   the cursor of page n + 1 is remembered from page n.
 */
import type { GetListParams, GetListResult, GetOneResult, RaRecord } from 'react-admin';
import { apiFetch } from './api/apiFetch';

type ListAdapter = (params: GetListParams) => Promise<GetListResult>;

const flatFilter = (filter: Record<string, unknown> | undefined, keys?: readonly string[]) =>
  Object.entries(filter ?? {}).filter(
    ([key, value]) =>
      value !== '' && value !== undefined && value !== null && (!keys || keys.includes(key)),
  );

function paged(path: string): ListAdapter {
  return async (params) => {
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const query = new URLSearchParams({ page: String(page), perPage: String(perPage) });
    for (const [key, value] of flatFilter(params.filter)) query.set(key, String(value));
    const { json } = await apiFetch<{
      data: RaRecord[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
    }>(`${path}?${query}`, { signal: params.signal });
    return { data: json.data, pageInfo: json.pageInfo };
  };
}

function whole(path: string, filterKeys: readonly string[]): ListAdapter {
  return async (params) => {
    const query = new URLSearchParams();
    for (const [key, value] of flatFilter(params.filter, filterKeys)) query.set(key, String(value));
    const { json } = await apiFetch<RaRecord[]>(`${path}?${query}`, { signal: params.signal });
    return { data: json, total: json.length };
  };
}

const cursors = new Map<string, string>();

function keyset(path: string): ListAdapter {
  return async (params) => {
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const filter = flatFilter(params.filter);
    const cursorKey = (n: number) => JSON.stringify([path, filter, perPage, n]);
    const query = new URLSearchParams({ size: String(perPage) });
    for (const [key, value] of filter) query.set(key, String(value));
    const after = page > 1 ? cursors.get(cursorKey(page)) : undefined;
    if (after) query.set('after', after);
    const { json } = await apiFetch<{ items: ({ key: string } & RaRecord)[]; next: string | null }>(
      `${path}?${query}`,
      { signal: params.signal },
    );
    if (json.next) {
      if (cursors.size > 500) cursors.clear();
      cursors.set(cursorKey(page + 1), json.next);
    }
    return {
      data: json.items.map((item) => ({ ...item, id: item.key })),
      pageInfo: { hasNextPage: json.next !== null, hasPreviousPage: page > 1 },
    };
  };
}

const LISTS: Record<string, ListAdapter> = {
  cases: paged('/api/cases'),
  'audit-log': paged('/api/admin/audit-log'),
  'mail-outbox': paged('/api/admin/mail-outbox'),
  tenants: whole('/api/tenants', ['kind']),
  incidents: keyset('/api/monitoring/incidents'),
  instances: keyset('/api/monitoring/process-instances'),
};

/** The list adapter of a resource with its own contract, if it has one. */
export function customList(resource: string): ListAdapter | undefined {
  return LISTS[resource];
}

/** Records whose API path or id field differ from `/api/<resource>/{id}` with `id`. */
export function customGetOne(
  resource: string,
): ((id: string, signal?: AbortSignal) => Promise<GetOneResult>) | undefined {
  if (resource !== 'instances') return undefined;
  return async (id, signal) => {
    const { json } = await apiFetch<RaRecord>(
      `/api/monitoring/process-instances/${encodeURIComponent(id)}`,
      { signal },
    );
    return { data: { ...json, id } };
  };
}
