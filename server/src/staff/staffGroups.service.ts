/**
 * Groups per tenant. A group's key is the candidate group of BPMN user tasks and never
 * changes; its id in the API is `<tenant>:<key>`. Members are managed on the user (their
 * memberships); a group lists its member ids. Visible and changeable only within the
 * caller's administration scope; everything else is 404.
 */
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AuditService } from '../audit/audit.service';
import { GroupExistsError } from '../auth/auth.errors';
import { ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { isUniqueViolation } from './memberships';
import type {
  createGroupBody,
  GroupFilter,
  GroupSortField,
  updateGroupBody,
} from './staff.schemas';
import type { ListRequest } from './simpleRest';
import type { AdminActor, AdminScope } from './staffUsers.service';

export interface StaffGroupRecord {
  id: string;
  tenantId: string;
  key: string;
  name: string;
  description: string | null;
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export type CreateGroupInput = z.output<typeof createGroupBody>;
export type UpdateGroupInput = z.output<typeof updateGroupBody>;

interface GroupRow {
  tenant_id: string;
  key: string;
  name: string;
  description: string | null;
  created_at: Date;
  updated_at: Date;
}

const SORT_COLUMNS: Record<GroupSortField, string[]> = {
  name: ['g.name'],
  key: ['g.key'],
  tenantId: ['g.tenant_id'],
  id: ['g.tenant_id', 'g.key'],
};

export function groupId(tenantId: string, key: string): string {
  return `${tenantId}:${key}`;
}

export function parseGroupId(id: string): { tenantId: string; key: string } {
  const colon = id.indexOf(':');
  return { tenantId: id.slice(0, colon), key: id.slice(colon + 1) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class StaffGroupService {
  constructor(
    private readonly knex: Knex,
    private readonly audit: AuditService,
  ) {}

  async list(
    scope: AdminScope,
    request: ListRequest<GroupSortField, GroupFilter>,
  ): Promise<{ items: StaffGroupRecord[]; total: number }> {
    const { filter } = request;
    const query = this.knex('public.staff_groups as g');
    if (scope !== 'all') query.whereIn('g.tenant_id', [...scope]);
    if (filter.tenantId !== undefined) query.where('g.tenant_id', filter.tenantId);
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
      query.where((w) =>
        w.whereRaw('lower(g.name) like ?', [pattern]).orWhereRaw('g.key like ?', [pattern]),
      );
    }
    if (filter.id !== undefined) {
      const pairs = filter.id.map(parseGroupId).map((p) => [p.tenantId, p.key]);
      if (!pairs.length) query.whereRaw('false');
      else query.whereIn(['g.tenant_id', 'g.key'], pairs);
    }
    const [{ total } = { total: 0 }] = (await query
      .clone()
      .count<{ total: string | number }[]>({ total: '*' })) as { total: string | number }[];
    for (const column of SORT_COLUMNS[request.sort.field]) {
      query.orderBy(column, request.sort.order);
    }
    const rows = (await query
      .select('g.*')
      .orderBy('g.tenant_id')
      .orderBy('g.key')
      .offset(request.offset)
      .limit(request.limit)) as GroupRow[];
    return { items: await this.withMembers(this.knex, rows), total: Number(total) };
  }

  async get(scope: AdminScope, id: string): Promise<StaffGroupRecord> {
    return this.get_(this.knex, scope, id);
  }

  async create(
    actor: AdminActor,
    scope: AdminScope,
    input: CreateGroupInput,
  ): Promise<StaffGroupRecord> {
    if (scope !== 'all' && !scope.includes(input.tenantId)) {
      throw new ForbiddenError('group in a tenant the caller does not administer');
    }
    const created = this.knex.transaction(async (trx) => {
      const tenant = await trx('public.tenants')
        .where({ id: input.tenantId, active: true })
        .first('id');
      if (!tenant) throw new ValidationError([{ field: 'tenantId', message: 'is not a tenant' }]);
      const existing = await trx('public.staff_groups')
        .where({ tenant_id: input.tenantId, key: input.key })
        .first('key');
      if (existing) throw new GroupExistsError('group exists');
      await trx('public.staff_groups').insert({
        tenant_id: input.tenantId,
        key: input.key,
        name: input.name,
        description: input.description ?? null,
      });
      const id = groupId(input.tenantId, input.key);
      await this.record(trx, actor, 'staff_group.create', input.tenantId, id);
      return this.get_(trx, scope, id);
    });
    return created.catch((err: unknown) => {
      // Lost a race with the same key.
      if (isUniqueViolation(err)) throw new GroupExistsError('group exists');
      throw err;
    });
  }

  async update(
    actor: AdminActor,
    scope: AdminScope,
    id: string,
    input: UpdateGroupInput,
  ): Promise<StaffGroupRecord> {
    return this.knex.transaction(async (trx) => {
      const { tenant_id: tenantId, key } = await this.visible(trx, scope, id);
      const changes: Record<string, unknown> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.description !== undefined) changes.description = input.description || null;
      if (Object.keys(changes).length) {
        await trx('public.staff_groups')
          .where({ tenant_id: tenantId, key })
          .update({ ...changes, updated_at: trx.fn.now() });
        await this.record(trx, actor, 'staff_group.update', tenantId, id);
      }
      return this.get_(trx, scope, id);
    });
  }

  /** Deletes the group and its memberships; answers the group as it was. */
  async delete(actor: AdminActor, scope: AdminScope, id: string): Promise<StaffGroupRecord> {
    return this.knex.transaction(async (trx) => {
      const before = await this.get_(trx, scope, id);
      await trx('public.staff_groups')
        .where({ tenant_id: before.tenantId, key: before.key })
        .delete();
      await this.record(trx, actor, 'staff_group.delete', before.tenantId, id);
      return before;
    });
  }

  private async visible(db: Knex, scope: AdminScope, id: string): Promise<GroupRow> {
    const { tenantId, key } = parseGroupId(id);
    if (scope !== 'all' && !scope.includes(tenantId)) throw new NotFoundError('group');
    const row = (await db('public.staff_groups').where({ tenant_id: tenantId, key }).first()) as
      GroupRow | undefined;
    if (!row) throw new NotFoundError('group');
    return row;
  }

  private async get_(db: Knex, scope: AdminScope, id: string): Promise<StaffGroupRecord> {
    const row = await this.visible(db, scope, id);
    const [record] = await this.withMembers(db, [row]);
    return record!;
  }

  private async withMembers(db: Knex, rows: GroupRow[]): Promise<StaffGroupRecord[]> {
    const members = rows.length
      ? ((await db('public.staff_group_members')
          .whereIn(
            ['tenant_id', 'group_key'],
            rows.map((row) => [row.tenant_id, row.key]),
          )
          .orderBy('user_id')
          .select('tenant_id', 'group_key', 'user_id')) as {
          tenant_id: string;
          group_key: string;
          user_id: string;
        }[])
      : [];
    return rows.map((row) => ({
      id: groupId(row.tenant_id, row.key),
      tenantId: row.tenant_id,
      key: row.key,
      name: row.name,
      description: row.description,
      memberIds: members
        .filter((m) => m.tenant_id === row.tenant_id && m.group_key === row.key)
        .map((m) => m.user_id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  private async record(
    trx: Knex.Transaction,
    actor: AdminActor,
    action: string,
    tenantId: string,
    id: string,
  ): Promise<void> {
    await this.audit.record(
      {
        actor: { type: 'staff', id: actor.userId },
        tenantId,
        action,
        objectType: 'staff_group',
        objectId: id,
        requestId: actor.requestId ?? null,
      },
      trx,
    );
  }
}
