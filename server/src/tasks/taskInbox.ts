/**
 * The inbox page query. What a staff member may see is a union of "branches", each one
 * ordered index scan that stops after a page:
 *
 *   all (administrator of tenant T)     tasks           (tenant_id, sort, id)           open staff tasks
 *   mine                                tasks           (tenant_id, assignee, sort, id)
 *   group G / candidate user U          task_candidates (tenant_id, candidate, sort, task_id)
 *   … unassigned                        task_candidates partial index "assignee is null"
 *
 * per tenant in scope. The branches are merged, de-duplicated (a task in two of my groups),
 * cut to the page, and only then joined to `tasks` for the columns. Keyset pagination: the
 * cursor carries the last row's sort value (with microseconds) and id, so page n costs what
 * page 1 costs; there is no COUNT. `offset` (a `range` without a cursor) is for the first
 * pages only and costs offset rows per branch.
 *
 * Views: `mine` (assigned to me), `groups` (my candidate groups and me as candidate user),
 * `unassigned` (those of `groups` nobody has claimed), `all` (administrators: every open task
 * of the tenants they administer). Without a view: everything the caller may see.
 */
import type { Knex } from 'knex';
import { groupsIn, type StaffPrincipal } from '../auth';
import { ForbiddenError, ValidationError } from '../http/errors';
import {
  SUMMARY_COLUMNS,
  toTaskSummary,
  type TaskSummary,
  type TaskSummaryRow,
} from './task.model';
import { isTaskAdmin, worksTasksIn } from './taskAccess';

export const TASK_VIEWS = ['mine', 'groups', 'unassigned', 'all'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];
export const TASK_SORT_FIELDS = ['dueDate', 'createdAt'] as const;
export type TaskSortField = (typeof TASK_SORT_FIELDS)[number];

const SORT_COLUMN: Record<TaskSortField, 'due_sort' | 'created_at'> = {
  dueDate: 'due_sort',
  createdAt: 'created_at',
};
/** `due_sort` of a task without due date. */
const NO_DUE_DATE = '9999-12-31T00:00:00Z';

export interface InboxFilter {
  view?: TaskView | undefined;
  tenantId?: string | undefined;
  serviceId?: string | undefined;
  caseId?: string | undefined;
  dueBefore?: Date | undefined;
  dueAfter?: Date | undefined;
  q?: string | undefined;
}

export interface InboxCursor {
  field: TaskSortField;
  order: 'asc' | 'desc';
  value: string;
  id: string;
}

export interface InboxQuery {
  filter: InboxFilter;
  sort: { field: TaskSortField; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
  cursor?: InboxCursor | undefined;
}

export interface InboxPage {
  items: TaskSummary[];
  /** The cursor of the next page; undefined on the last page. */
  next: InboxCursor | undefined;
}

interface Branch {
  sql: string;
  bindings: Knex.Value[];
}

export async function listInbox(
  knex: Knex,
  principal: StaffPrincipal,
  query: InboxQuery,
): Promise<InboxPage> {
  if (
    query.cursor &&
    (query.cursor.field !== query.sort.field || query.cursor.order !== query.sort.order)
  ) {
    throw new ValidationError([{ field: 'cursor', message: 'belongs to another sort order' }]);
  }
  const branches = branchesFor(principal, query);
  if (!branches.length) return { items: [], next: undefined };
  const direction = query.sort.order;
  const take = query.limit + 1;
  const rows = (
    await knex.raw(
      `with page as (
         select id, s from (${branches.map((b) => `(${b.sql})`).join(' union ')}) b
         order by s ${direction}, id ${direction} limit ? offset ?
       )
       select ${SUMMARY_COLUMNS.map((c) => `t.${c}`).join(', ')},
              to_char(page.s at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_value
       from page join public.tasks t on t.id = page.id
       order by page.s ${direction}, page.id ${direction}`,
      [...branches.flatMap((b) => b.bindings), take, query.cursor ? 0 : query.offset],
    )
  ).rows as (TaskSummaryRow & { sort_value: string })[];
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toTaskSummary),
    next:
      rows.length > query.limit && last
        ? { field: query.sort.field, order: direction, value: last.sort_value, id: last.id }
        : undefined,
  };
}

function branchesFor(principal: StaffPrincipal, query: InboxQuery): Branch[] {
  const { view, tenantId } = query.filter;
  const tenants = principal.memberships
    .map((m) => m.tenantId)
    .filter((id) => (tenantId === undefined || id === tenantId) && worksTasksIn(principal, id));
  if (view === 'all' && !tenants.some((id) => isTaskAdmin(principal, id))) {
    throw new ForbiddenError('view all needs the admin role');
  }
  const branches: Branch[] = [];
  for (const tenant of tenants) {
    const admin = isTaskAdmin(principal, tenant);
    if (view === 'all' || (view === undefined && admin)) {
      if (admin) branches.push(taskBranch(query, tenant, undefined));
      continue;
    }
    if (view === 'mine' || view === undefined) {
      branches.push(taskBranch(query, tenant, principal.username));
    }
    if (view === 'groups' || view === 'unassigned' || view === undefined) {
      const candidates = [
        ...groupsIn(principal, tenant).map((group) => `group:${group}`),
        `user:${principal.username}`,
      ];
      for (const candidate of candidates) {
        branches.push(candidateBranch(query, tenant, candidate, view === 'unassigned'));
      }
    }
  }
  return branches;
}

/** Open staff tasks of a tenant (or of its assignee), from `tasks`. */
function taskBranch(query: InboxQuery, tenantId: string, assignee: string | undefined): Branch {
  const column = SORT_COLUMN[query.sort.field];
  const where = [`t.status = 'open'`, `t.audience = 'staff'`, `t.tenant_id = ?`];
  const bindings: Knex.Value[] = [tenantId];
  if (assignee !== undefined) {
    where.push('t.assignee = ?');
    bindings.push(assignee);
  }
  addFilters(query, 't', 't', where, bindings);
  return finish(
    `select t.id, t.${column} as s from public.tasks t`,
    't',
    'id',
    query,
    where,
    bindings,
  );
}

/** Open staff tasks of one candidate group or user, from `task_candidates`. */
function candidateBranch(
  query: InboxQuery,
  tenantId: string,
  candidate: string,
  unassignedOnly: boolean,
): Branch {
  const column = SORT_COLUMN[query.sort.field];
  const where = ['c.tenant_id = ?', 'c.candidate = ?'];
  const bindings: Knex.Value[] = [tenantId, candidate];
  if (unassignedOnly) where.push('c.assignee is null');
  const joined = addFilters(query, 'c', 't', where, bindings);
  // Candidate rows exist for open staff tasks only; saying so lets a filter on `tasks` use
  // the partial indexes (the full-text one above all).
  if (joined) where.push(`t.status = 'open'`, `t.audience = 'staff'`);
  const from = joined
    ? 'public.task_candidates c join public.tasks t on t.id = c.task_id'
    : 'public.task_candidates c';
  return finish(
    `select c.task_id as id, c.${column} as s from ${from}`,
    'c',
    'task_id',
    query,
    where,
    bindings,
  );
}

/** Adds the filters; returns whether one of them needs the `tasks` row (`taskAlias`). */
function addFilters(
  query: InboxQuery,
  alias: string,
  taskAlias: string,
  where: string[],
  bindings: Knex.Value[],
): boolean {
  const { serviceId, caseId, dueBefore, dueAfter, q } = query.filter;
  let needsTask = false;
  if (dueBefore) {
    where.push(`${alias}.due_sort < ?`);
    bindings.push(dueBefore);
  }
  if (dueAfter) {
    where.push(`${alias}.due_sort > ?`, `${alias}.due_sort < ?`);
    bindings.push(dueAfter, NO_DUE_DATE);
  }
  if (serviceId) {
    where.push(`${taskAlias}.service_id = ?`);
    bindings.push(serviceId);
    needsTask = true;
  }
  if (caseId) {
    where.push(`${taskAlias}.case_id = ?`);
    bindings.push(caseId);
    needsTask = true;
  }
  const words = q ? searchQuery(q) : undefined;
  if (words) {
    where.push(`${taskAlias}.search @@ to_tsquery('simple', ?)`);
    bindings.push(words);
    needsTask = true;
  }
  return needsTask;
}

function finish(
  select: string,
  alias: string,
  idColumn: string,
  query: InboxQuery,
  where: string[],
  bindings: Knex.Value[],
): Branch {
  const column = `${alias}.${SORT_COLUMN[query.sort.field]}`;
  const id = `${alias}.${idColumn}`;
  const direction = query.sort.order;
  if (query.cursor) {
    where.push(`(${column}, ${id}) ${direction === 'asc' ? '>' : '<'} (?::timestamptz, ?::uuid)`);
    bindings.push(query.cursor.value, query.cursor.id);
  }
  return {
    sql: `${select} where ${where.join(' and ')} order by ${column} ${direction}, ${id} ${direction} limit ?`,
    bindings: [...bindings, (query.cursor ? 0 : query.offset) + query.limit + 1],
  };
}

/**
 * Full-text search over reference and applicant: each word of the query (letters and digits)
 * as a prefix, all of them required — "kel 000123" finds Lea Keller's LU-2026-000123.
 */
export function searchQuery(q: string): string | undefined {
  const words = q
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : undefined;
}

export function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(
    JSON.stringify([cursor.field, cursor.order, cursor.value, cursor.id]),
  ).toString('base64url');
}

export function decodeCursor(text: string): InboxCursor | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
    const [field, order, value, id] = parsed as unknown[];
    if (
      !TASK_SORT_FIELDS.includes(field as TaskSortField) ||
      (order !== 'asc' && order !== 'desc') ||
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value) ||
      typeof id !== 'string' ||
      !/^[0-9a-f-]{36}$/i.test(id)
    ) {
      return undefined;
    }
    return { field: field as TaskSortField, order, value, id };
  } catch {
    return undefined;
  }
}
