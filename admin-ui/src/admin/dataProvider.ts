/**
 * react-admin's dataProvider over the server's list contract, which is ra-data-simple-rest's
 * (`?sort=["f","ASC"]&range=[0,24]&filter={…}`, total in `Content-Range`). ra-data-simple-rest
 * itself is not a dependency: it cannot send the CSRF header and Accept-Language through
 * `apiFetch`, nor follow the task inbox's keyset cursor, so these few lines replace it.
 *
 * Partial pagination: a list whose Content-Range total is `*` (the task inbox) is answered with
 * `pageInfo` instead of `total`, and the `X-Next-Cursor` of page n is sent back for page n + 1,
 * so every next page is a keyset scan.
 */
import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import { apiFetch } from './api/apiFetch';
import { customGetOne, customList } from './listContracts';

/** The API path of each resource; a resource not listed here lives at `/api/<resource>`. */
export const RESOURCE_PATHS: Record<string, string> = {
  users: '/api/admin/users',
  groups: '/api/admin/groups',
  'service-adoptions': '/api/admin/service-adoptions',
  'mail-outbox': '/api/admin/mail-outbox',
  'audit-log': '/api/admin/audit-log',
};

export function resourcePath(resource: string): string {
  return RESOURCE_PATHS[resource] ?? `/api/${resource}`;
}

/** Cursors of lists with keyset pagination, by resource + sort + filter + page size + page. */
const cursors = new Map<string, string>();
const MAX_CURSORS = 500;

function cursorKey(resource: string, params: GetListParams, page: number): string {
  return JSON.stringify([resource, params.sort, params.filter, params.pagination?.perPage, page]);
}

function listQuery(params: GetListParams, cursor: string | undefined): URLSearchParams {
  const query = new URLSearchParams();
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  if (params.sort?.field) query.set('sort', JSON.stringify([params.sort.field, params.sort.order]));
  query.set('range', JSON.stringify([(page - 1) * perPage, page * perPage - 1]));
  const filter = Object.fromEntries(
    Object.entries(params.filter ?? {}).filter(([, value]) => value !== '' && value !== undefined),
  );
  if (Object.keys(filter).length) query.set('filter', JSON.stringify(filter));
  if (cursor) query.set('cursor', cursor);
  return query;
}

/** `tasks 0-24/319` → 319; `tasks 0-24/*` → undefined (not counted). */
export function totalOf(contentRange: string | null): number | undefined {
  const total = contentRange?.split('/')[1];
  if (total === undefined || total === '*') return undefined;
  const parsed = Number(total);
  return Number.isFinite(parsed) ? parsed : undefined;
}

const withId = (path: string, id: Identifier) => `${path}/${encodeURIComponent(String(id))}`;

export const dataProvider: DataProvider = {
  async getList(resource, params) {
    const custom = customList(resource);
    if (custom) return (await custom(params)) as never;
    const page = params.pagination?.page ?? 1;
    const cursor = page > 1 ? cursors.get(cursorKey(resource, params, page)) : undefined;
    const { json, headers } = await apiFetch<RaRecord[]>(
      `${resourcePath(resource)}?${listQuery(params, cursor)}`,
      { signal: params.signal },
    );
    const total = totalOf(headers.get('Content-Range'));
    const next = headers.get('X-Next-Cursor');
    if (next) {
      if (cursors.size >= MAX_CURSORS) cursors.clear();
      cursors.set(cursorKey(resource, params, page + 1), next);
    }
    const data = json as never[];
    if (total !== undefined) return { data, total };
    return { data, pageInfo: { hasNextPage: next !== null, hasPreviousPage: page > 1 } };
  },

  async getOne(resource, params) {
    const custom = customGetOne(resource);
    if (custom) return (await custom(String(params.id), params.signal)) as never;
    const { json } = await apiFetch<RaRecord>(withId(resourcePath(resource), params.id), {
      signal: params.signal,
    });
    return { data: json as never };
  },

  async getMany(resource, params) {
    const query = new URLSearchParams({ filter: JSON.stringify({ id: params.ids }) });
    const { json } = await apiFetch<RaRecord[]>(`${resourcePath(resource)}?${query}`, {
      signal: params.signal,
    });
    return { data: json as never[] };
  },

  async getManyReference(resource, params) {
    const result = await dataProvider.getList(resource, {
      ...params,
      filter: { ...params.filter, [params.target]: params.id },
    });
    return result as never;
  },

  async create(resource, params) {
    const { json } = await apiFetch<RaRecord>(resourcePath(resource), {
      method: 'POST',
      body: params.data,
    });
    return { data: json as never };
  },

  async update(resource, params) {
    const { json } = await apiFetch<RaRecord>(withId(resourcePath(resource), params.id), {
      method: 'PUT',
      body: params.data,
    });
    return { data: json as never };
  },

  async updateMany(resource, params) {
    for (const id of params.ids) {
      await apiFetch(withId(resourcePath(resource), id), { method: 'PUT', body: params.data });
    }
    return { data: params.ids };
  },

  async delete(resource, params) {
    await apiFetch(withId(resourcePath(resource), params.id), { method: 'DELETE' });
    return { data: params.previousData as never };
  },

  async deleteMany(resource, params) {
    for (const id of params.ids) {
      await apiFetch(withId(resourcePath(resource), id), { method: 'DELETE' });
    }
    return { data: params.ids };
  },
};

/** A POST to an action of one record, e.g. `action('tasks', id, 'claim')`. */
export async function recordAction<T = RaRecord>(
  resource: string,
  id: Identifier,
  action: string,
  body?: unknown,
): Promise<T> {
  const { json } = await apiFetch<T>(`${withId(resourcePath(resource), id)}/${action}`, {
    method: 'POST',
    body,
  });
  return json;
}
