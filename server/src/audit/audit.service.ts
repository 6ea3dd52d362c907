/**
 * The audit log: who read or changed which personal data, when. Append-only (the database
 * refuses update, delete and truncate, see the migrations). Services record in the same
 * transaction as the change they audit by passing their transaction as `db`; entries recorded
 * on their own (reads) are group-committed with those of concurrent requests (groupCommit.ts).
 *
 * Details carry ids and codes only, never personal data: `record` refuses nested values, long
 * strings and keys that name personal data (name, e-mail, address, birth date, IBAN, …; keys
 * ending in `Id` are ids and allowed) — such a call is a bug in the caller and throws.
 */
import type { Knex } from 'knex';
import { MAX_PER_PAGE, type Page } from './admin';
import { GroupCommit } from './groupCommit';

export type ActorType = 'staff' | 'citizen' | 'system';

export interface AuditActor {
  type: ActorType;
  /** Staff or citizen id, or the name of a system component (e.g. 'worker:generate-document'). */
  id?: string | undefined;
}

/** Who acts and in which request: what a service needs to write an audit entry. */
export interface AuditContext {
  actor: AuditActor;
  requestId?: string | undefined;
}

export type AuditDetailValue = string | number | boolean | null;
export type AuditDetails = Record<string, AuditDetailValue>;

export interface AuditEntry {
  actor: AuditActor;
  tenantId: string | null;
  /** `<object>.<verb>`, e.g. `document.read`, `register.lookup`. */
  action: string;
  objectType: string;
  objectId: string | null;
  requestId?: string | null | undefined;
  details?: AuditDetails | undefined;
}

export interface AuditRecord {
  id: string;
  at: Date;
  actor: AuditActor;
  tenantId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  requestId: string | null;
  details: AuditDetails;
}

export interface AuditFilter {
  tenantId?: string | undefined;
  actorType?: ActorType | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export interface AuditListQuery {
  /** Tenants the caller administers; 'all' also shows entries without a tenant. */
  scope: readonly string[] | 'all';
  filter?: AuditFilter;
  page?: number;
  perPage?: number;
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const OBJECT_TYPE = /^[a-z][a-z0-9_]{0,63}$/;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** Keys that name personal data; `…Id` keys (ids) are allowed. */
const PERSONAL_DATA_KEY = /name|mail|address|street|phone|birth|iban|ahv|password|token|secret/i;
const MAX_DETAIL_STRING = 200;

interface AuditInsert {
  actor_type: ActorType;
  actor_id: string | null;
  tenant_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  request_id: string | null;
  details: string;
}

interface AuditRow extends Omit<AuditInsert, 'details'> {
  id: string;
  at: Date;
  details: AuditDetails | string;
}

/** `staff:4711`, `system:worker:generate-document`: an actor as one column value. */
export function actorLabel(actor: AuditActor): string {
  return actor.id ? `${actor.type}:${actor.id}` : actor.type;
}

export class AuditService {
  /** Entries recorded on their own, written together (one commit per batch). */
  private readonly grouped: GroupCommit<AuditInsert, AuditRow>;

  constructor(private readonly knex: Knex) {
    // One INSERT … VALUES (…), (…) RETURNING: PostgreSQL returns the rows in VALUES order.
    this.grouped = new GroupCommit(
      async (rows) => (await knex('public.audit_log').insert(rows).returning('*')) as AuditRow[],
    );
  }

  /**
   * Writes the entry; in the caller's transaction when `db` is one, else on its own (grouped
   * with the entries of concurrent requests into one commit). Resolves once it is committed.
   */
  async record(entry: AuditEntry, db: Knex = this.knex): Promise<AuditRecord> {
    checkEntry(entry);
    const insert: AuditInsert = {
      actor_type: entry.actor.type,
      actor_id: entry.actor.id ?? null,
      tenant_id: entry.tenantId,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      request_id: entry.requestId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    };
    if (db !== this.knex) {
      const [row] = (await db('public.audit_log').insert(insert).returning('*')) as AuditRow[];
      return toRecord(row!);
    }
    return toRecord(await this.grouped.add(insert));
  }

  async list(query: AuditListQuery): Promise<Page<AuditRecord>> {
    const page = Math.max(1, Math.trunc(query.page ?? 1));
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.trunc(query.perPage ?? 25)));
    const filter = query.filter ?? {};
    const q = this.knex('public.audit_log').select('*');
    if (query.scope !== 'all') q.whereIn('tenant_id', [...query.scope]);
    if (filter.tenantId !== undefined) q.where('tenant_id', filter.tenantId);
    if (filter.actorType !== undefined) q.where('actor_type', filter.actorType);
    if (filter.actorId !== undefined) q.where('actor_id', filter.actorId);
    if (filter.action !== undefined) q.where('action', filter.action);
    if (filter.objectType !== undefined) q.where('object_type', filter.objectType);
    if (filter.objectId !== undefined) q.where('object_id', filter.objectId);
    if (filter.from !== undefined) q.where('at', '>=', filter.from);
    if (filter.to !== undefined) q.where('at', '<', filter.to);
    const rows = (await q
      .orderBy('id', 'desc')
      .offset((page - 1) * perPage)
      .limit(perPage + 1)) as AuditRow[];
    return {
      data: rows.slice(0, perPage).map(toRecord),
      pageInfo: { hasNextPage: rows.length > perPage, hasPreviousPage: page > 1 },
    };
  }
}

function checkEntry(entry: AuditEntry): void {
  if (!ACTION.test(entry.action) || entry.action.length > 64) {
    throw new Error(`audit: action "${entry.action}" is not <object>.<verb>`);
  }
  if (!OBJECT_TYPE.test(entry.objectType)) {
    throw new Error(`audit: object type "${entry.objectType}" is not a lower-case identifier`);
  }
  for (const [key, value] of Object.entries(entry.details ?? {})) {
    if (!DETAIL_KEY.test(key) || (PERSONAL_DATA_KEY.test(key) && !key.endsWith('Id'))) {
      throw new Error(`audit: detail "${key}" is not allowed (ids and codes only)`);
    }
    const allowed =
      value === null ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && value.length <= MAX_DETAIL_STRING);
    if (!allowed) throw new Error(`audit: detail "${key}" must be a short scalar`);
  }
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: String(row.id),
    at: row.at,
    actor: { type: row.actor_type, ...(row.actor_id ? { id: row.actor_id } : {}) },
    tenantId: row.tenant_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    requestId: row.request_id,
    details:
      typeof row.details === 'string' ? (JSON.parse(row.details) as AuditDetails) : row.details,
  };
}
