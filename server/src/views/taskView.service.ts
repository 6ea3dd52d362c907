/**
 * Saved inbox views: a named filter and sort of the task inbox. A view belongs to its owner in
 * one tenant; shared with a group of that tenant, the group's members see (and use) it too.
 * Only the owner changes or deletes it. A view of someone else that the caller does not see is
 * a NotFoundError, like an unknown id.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { groupsIn, hasRole, type StaffPrincipal } from '../auth';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { UUID } from '../tasks/task.model';
import type { TaskViewInput } from './taskView.schemas';

export interface TaskView {
  id: string;
  name: string;
  tenantId: string;
  filter: Record<string, unknown>;
  sort: [string, 'ASC' | 'DESC'];
  sharedWithGroup: string | null;
  owner: { id: string; displayName: string };
  /** The caller owns it (may change and delete it). */
  mine: boolean;
  updatedAt: Date;
}

interface ViewRow {
  id: string;
  owner_id: string;
  owner_name: string;
  tenant_id: string;
  name: string;
  filter: Record<string, unknown> | string;
  sort: [string, 'ASC' | 'DESC'] | string;
  shared_with_group: string | null;
  updated_at: Date;
}

const json = <T>(value: T | string): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

export class TaskViewService {
  constructor(private readonly knex: Knex) {}

  /** The caller's views and those shared with their groups, in the tenants they work tasks in. */
  async list(principal: StaffPrincipal): Promise<TaskView[]> {
    const tenants = workingTenants(principal);
    if (!tenants.length) return [];
    const rows = (await this.select()
      .whereIn('v.tenant_id', tenants)
      .where((either) => {
        either.where('v.owner_id', principal.userId);
        for (const tenant of tenants) {
          const groups = groupsIn(principal, tenant);
          if (groups.length) {
            either.orWhere((shared) =>
              shared.where('v.tenant_id', tenant).whereIn('v.shared_with_group', groups),
            );
          }
        }
      })
      .orderBy('v.name')
      .orderBy('v.id')) as ViewRow[];
    return rows.map((row) => toView(row, principal));
  }

  async create(principal: StaffPrincipal, input: TaskViewInput): Promise<TaskView> {
    const tenantId = this.tenantFor(principal, input);
    const id = randomUUID();
    await this.unique(principal, tenantId, input.name, undefined);
    await this.knex('public.task_views').insert({
      id,
      owner_id: principal.userId,
      tenant_id: tenantId,
      name: input.name,
      filter: JSON.stringify(input.filter),
      sort: JSON.stringify(input.sort),
      shared_with_group: input.sharedWithGroup,
    });
    return this.get(principal, id);
  }

  async update(principal: StaffPrincipal, id: string, input: TaskViewInput): Promise<TaskView> {
    const view = await this.owned(principal, id);
    const tenantId = this.tenantFor(principal, {
      ...input,
      tenantId: input.tenantId ?? view.tenantId,
    });
    await this.unique(principal, tenantId, input.name, id);
    await this.knex('public.task_views')
      .where({ id })
      .update({
        tenant_id: tenantId,
        name: input.name,
        filter: JSON.stringify(input.filter),
        sort: JSON.stringify(input.sort),
        shared_with_group: input.sharedWithGroup,
        updated_at: this.knex.fn.now(),
      });
    return this.get(principal, id);
  }

  async delete(principal: StaffPrincipal, id: string): Promise<TaskView> {
    const view = await this.owned(principal, id);
    await this.knex('public.task_views').where({ id }).delete();
    return view;
  }

  async get(principal: StaffPrincipal, id: string): Promise<TaskView> {
    const row = UUID.test(id)
      ? ((await this.select().where('v.id', id).first()) as ViewRow | undefined)
      : undefined;
    if (!row || !visible(principal, row)) throw new NotFoundError('no such view');
    return toView(row, principal);
  }

  private async owned(principal: StaffPrincipal, id: string): Promise<TaskView> {
    const view = await this.get(principal, id);
    if (!view.mine) throw new ForbiddenError('only the owner changes a view');
    return view;
  }

  private select() {
    return this.knex('public.task_views as v')
      .join('public.staff_users as u', 'u.id', 'v.owner_id')
      .select('v.*', 'u.display_name as owner_name');
  }

  /** The view's tenant: one the caller works tasks in, and a group of theirs to share with. */
  private tenantFor(principal: StaffPrincipal, input: TaskViewInput): string {
    const tenantId = input.tenantId ?? principal.currentTenantId;
    if (!tenantId || !workingTenants(principal).includes(tenantId)) {
      throw new ValidationError([{ field: 'tenantId', message: 'is not a tenant you work in' }]);
    }
    if (
      input.sharedWithGroup !== null &&
      !groupsIn(principal, tenantId).includes(input.sharedWithGroup)
    ) {
      throw new ValidationError([
        { field: 'sharedWithGroup', message: 'is not one of your groups in the tenant' },
      ]);
    }
    return tenantId;
  }

  private async unique(
    principal: StaffPrincipal,
    tenantId: string,
    name: string,
    except: string | undefined,
  ): Promise<void> {
    const query = this.knex('public.task_views').where({
      owner_id: principal.userId,
      tenant_id: tenantId,
      name,
    });
    if (except) query.whereNot({ id: except });
    if (await query.first('id')) throw new ConflictError('a view of that name exists');
  }
}

function workingTenants(principal: StaffPrincipal): string[] {
  return principal.memberships
    .map((m) => m.tenantId)
    .filter((tenant) => hasRole(principal, tenant, ['clerk', 'admin']));
}

function visible(principal: StaffPrincipal, row: ViewRow): boolean {
  if (!workingTenants(principal).includes(row.tenant_id)) return false;
  if (row.owner_id === principal.userId) return true;
  return (
    row.shared_with_group !== null &&
    groupsIn(principal, row.tenant_id).includes(row.shared_with_group)
  );
}

function toView(row: ViewRow, principal: StaffPrincipal): TaskView {
  return {
    id: row.id,
    name: row.name,
    tenantId: row.tenant_id,
    filter: json(row.filter),
    sort: json(row.sort),
    sharedWithGroup: row.shared_with_group,
    owner: { id: row.owner_id, displayName: row.owner_name },
    mine: row.owner_id === principal.userId,
    updatedAt: row.updated_at,
  };
}
