/**
 * Staff user administration. Every call carries the caller's administration scope: the
 * tenants they administer, or 'all' for a platform administrator (see `principal.ts`).
 *
 * - A user is visible when they hold a role in a tenant of the scope; anything else is 404.
 * - Memberships are read and written only within the scope; those in other tenants stay.
 * - User name, e-mail, display name, password and active state belong to the person, not to
 *   one tenant: only someone who administers every tenant of the user may change them.
 * - No change may leave a tenant without an active administrator.
 * - Every change is one transaction and is written to the audit log in it.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AuditService } from '../audit/audit.service';
import { StaffExistsError } from '../auth/auth.errors';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../http/errors';
import {
  deleteSessionsOfUser,
  isUniqueViolation,
  keepingAnAdmin,
  membershipsOf,
  replaceMemberships,
  unknownGroups,
  type Membership,
} from './memberships';
import { hashPassword } from './password';
import type { createUserBody, updateUserBody, UserFilter, UserSortField } from './staff.schemas';
import type { ListRequest } from './simpleRest';

export type AdminScope = readonly string[] | 'all';

/** Who changes something, for the audit log. */
export interface AdminActor {
  userId: string;
  requestId?: string | undefined;
}

export interface StaffUserRecord {
  id: string;
  username: string;
  email: string;
  displayName: string;
  active: boolean;
  passwordSet: boolean;
  /** Within the caller's scope only. */
  memberships: Membership[];
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type CreateUserInput = z.output<typeof createUserBody>;
export type UpdateUserInput = z.output<typeof updateUserBody>;

interface UserRow {
  id: string;
  username: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  active: boolean;
  session_generation: number;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const SORT_COLUMNS: Record<UserSortField, string> = {
  username: 'u.username',
  displayName: 'u.display_name',
  email: 'u.email',
  active: 'u.active',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
  id: 'u.id',
};

const inScope = (scope: AdminScope, tenantId: string) =>
  scope === 'all' || scope.includes(tenantId);

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class StaffUserService {
  constructor(
    private readonly knex: Knex,
    private readonly audit: AuditService,
  ) {}

  async list(
    scope: AdminScope,
    request: ListRequest<UserSortField, UserFilter>,
  ): Promise<{ items: StaffUserRecord[]; total: number }> {
    const { filter } = request;
    const query = this.knex('public.staff_users as u');
    if (scope !== 'all') {
      query.whereExists((sub) =>
        sub
          .from('public.staff_roles as r')
          .whereRaw('r.user_id = u.id')
          .whereIn('r.tenant_id', [...scope]),
      );
    }
    if (filter.tenantId !== undefined || filter.role !== undefined) {
      query.whereExists((sub) => {
        sub.from('public.staff_roles as r').whereRaw('r.user_id = u.id');
        if (filter.tenantId !== undefined) sub.where('r.tenant_id', filter.tenantId);
        if (filter.role !== undefined) sub.where('r.role', filter.role);
        if (scope !== 'all') sub.whereIn('r.tenant_id', [...scope]);
      });
    }
    if (filter.group !== undefined) {
      const group = filter.group;
      query.whereExists((sub) => {
        sub
          .from('public.staff_group_members as g')
          .whereRaw('g.user_id = u.id')
          .where('g.group_key', group);
        if (filter.tenantId !== undefined) sub.where('g.tenant_id', filter.tenantId);
        if (scope !== 'all') sub.whereIn('g.tenant_id', [...scope]);
      });
    }
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
      query.where((w) =>
        w
          .whereRaw('u.username like ?', [pattern])
          .orWhereRaw('lower(u.display_name) like ?', [pattern])
          .orWhereRaw('u.email like ?', [pattern]),
      );
    }
    if (filter.active !== undefined) query.where('u.active', filter.active);
    if (filter.id !== undefined) query.whereIn('u.id', filter.id);

    const [{ total } = { total: 0 }] = (await query
      .clone()
      .count<{ total: string | number }[]>({ total: '*' })) as { total: string | number }[];
    const rows = (await query
      .select('u.*')
      .orderBy(SORT_COLUMNS[request.sort.field], request.sort.order)
      .orderBy('u.id', 'asc')
      .offset(request.offset)
      .limit(request.limit)) as UserRow[];
    return { items: await this.withMemberships(this.knex, scope, rows), total: Number(total) };
  }

  async get(scope: AdminScope, id: string): Promise<StaffUserRecord> {
    const row = await this.visibleRow(this.knex, scope, id);
    const [record] = await this.withMemberships(this.knex, scope, [row]);
    return record!;
  }

  async create(
    actor: AdminActor,
    scope: AdminScope,
    input: CreateUserInput,
  ): Promise<StaffUserRecord> {
    this.assertTenantsInScope(scope, input.memberships);
    // Hashing is slow: never inside the transaction.
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const id = randomUUID();
    return this.transaction(async (trx) => {
      await this.assertMembershipsValid(trx, input.memberships);
      await this.assertUnique(trx, { username: input.username, email: input.email });
      await trx('public.staff_users').insert({
        id,
        username: input.username,
        email: input.email,
        display_name: input.displayName,
        password_hash: passwordHash,
        active: input.active,
      });
      await replaceMemberships(trx, id, [], input.memberships);
      await this.record(
        trx,
        actor,
        'staff_user.create',
        id,
        input.memberships.map((m) => m.tenantId),
        {
          active: input.active,
          credentialSet: passwordHash !== null,
        },
      );
      return this.get_(trx, scope, id);
    });
  }

  async update(
    actor: AdminActor,
    scope: AdminScope,
    id: string,
    input: UpdateUserInput,
  ): Promise<StaffUserRecord> {
    if (input.memberships) this.assertTenantsInScope(scope, input.memberships);
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.transaction(async (trx) => {
      const row = await this.visibleRow(trx, scope, id, true);
      const all = (await membershipsOf(trx, [id])).get(id) ?? [];
      const outside = all.filter((m) => !inScope(scope, m.tenantId));

      const profile: Record<string, unknown> = {};
      if (input.username !== undefined && input.username !== row.username)
        profile.username = input.username;
      if (input.email !== undefined && input.email !== row.email) profile.email = input.email;
      if (input.displayName !== undefined && input.displayName !== row.display_name) {
        profile.display_name = input.displayName;
      }
      if (input.active !== undefined && input.active !== row.active) profile.active = input.active;
      if (passwordHash !== undefined) profile.password_hash = passwordHash;
      if (Object.keys(profile).length && outside.length) {
        // The person also works for tenants the caller does not administer.
        throw new ForbiddenError('profile of a user shared with other tenants');
      }
      if (input.memberships) {
        if (!outside.length && !input.memberships.length) {
          // Nothing would be left of the user: removing every membership is a delete.
          throw new ValidationError([
            { field: 'memberships', message: 'needs at least one tenant' },
          ]);
        }
        await this.assertMembershipsValid(trx, input.memberships);
      }
      if (profile.username !== undefined || profile.email !== undefined) {
        await this.assertUnique(
          trx,
          {
            ...(profile.username !== undefined ? { username: input.username } : {}),
            ...(profile.email !== undefined ? { email: input.email } : {}),
          },
          id,
        );
      }

      const touched = [
        ...new Set([
          ...all.filter((m) => inScope(scope, m.tenantId)).map((m) => m.tenantId),
          ...(input.memberships ?? []).map((m) => m.tenantId),
        ]),
      ];
      await keepingAnAdmin(
        trx,
        all.map((m) => m.tenantId),
        async () => {
          if (Object.keys(profile).length) {
            const logOut = profile.password_hash !== undefined || profile.active === false;
            await trx('public.staff_users')
              .where('id', id)
              .update({
                ...profile,
                updated_at: trx.fn.now(),
                ...(logOut ? { session_generation: row.session_generation + 1 } : {}),
              });
            if (logOut) await deleteSessionsOfUser(trx, id);
          }
          if (input.memberships) {
            await replaceMemberships(trx, id, touched, input.memberships);
            if (!Object.keys(profile).length) {
              await trx('public.staff_users').where('id', id).update({ updated_at: trx.fn.now() });
            }
          }
        },
      );
      await this.record(trx, actor, 'staff_user.update', id, touched, {
        profileChanged: Object.keys(profile).length > 0,
        credentialChanged: passwordHash !== undefined,
        membershipsChanged: input.memberships !== undefined,
      });
      return this.get_(trx, scope, id, true);
    });
  }

  /**
   * Removes the user from the caller's tenants; a user left without any tenant (or removed by
   * a platform administrator) is deleted with their sessions. Answers the record as it was.
   */
  async delete(actor: AdminActor, scope: AdminScope, id: string): Promise<StaffUserRecord> {
    return this.knex.transaction(async (trx) => {
      const before = await this.get_(trx, scope, id);
      const all = (await membershipsOf(trx, [id])).get(id) ?? [];
      const mine = all.filter((m) => inScope(scope, m.tenantId)).map((m) => m.tenantId);
      const rest = all.filter((m) => !inScope(scope, m.tenantId));
      await keepingAnAdmin(
        trx,
        all.map((m) => m.tenantId),
        async () => {
          if (rest.length) {
            await replaceMemberships(trx, id, mine, []);
          } else {
            await deleteSessionsOfUser(trx, id);
            await trx('public.staff_users').where('id', id).delete();
          }
        },
      );
      await this.record(
        trx,
        actor,
        rest.length ? 'staff_user.remove' : 'staff_user.delete',
        id,
        mine,
        {},
      );
      return before;
    });
  }

  /** A transaction in which a lost race for a user name or e-mail is a 409, not a 500. */
  private transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.knex.transaction(work).catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new StaffExistsError([]);
      throw err;
    });
  }

  private assertTenantsInScope(scope: AdminScope, memberships: readonly Membership[]): void {
    if (memberships.some((m) => !inScope(scope, m.tenantId))) {
      throw new ForbiddenError('membership in a tenant the caller does not administer');
    }
  }

  private async assertMembershipsValid(
    db: Knex,
    memberships: readonly Membership[],
  ): Promise<void> {
    const errors: FieldError[] = [];
    const tenants = (await db('public.tenants')
      .whereIn(
        'id',
        memberships.map((m) => m.tenantId),
      )
      .andWhere('active', true)
      .select('id')) as { id: string }[];
    const known = new Set(tenants.map((t) => t.id));
    memberships.forEach((m, i) => {
      if (!known.has(m.tenantId)) {
        errors.push({ field: `memberships.${i}.tenantId`, message: 'is not a tenant' });
      }
    });
    for (const [i, j] of await unknownGroups(db, memberships)) {
      errors.push({
        field: `memberships.${i}.groups.${j}`,
        message: 'is not a group of the tenant',
      });
    }
    if (errors.length) throw new ValidationError(errors);
  }

  private async assertUnique(
    db: Knex,
    values: { username?: string | undefined; email?: string | undefined },
    exceptId?: string,
  ): Promise<void> {
    const query = db('public.staff_users').where((w) => {
      if (values.username !== undefined) w.orWhere('username', values.username);
      if (values.email !== undefined) w.orWhere('email', values.email);
    });
    if (exceptId) query.whereNot('id', exceptId);
    const rows = (await query.select('username', 'email')) as { username: string; email: string }[];
    const errors: FieldError[] = [];
    if (rows.some((r) => values.username !== undefined && r.username === values.username)) {
      errors.push({ field: 'username', message: 'is taken' });
    }
    if (rows.some((r) => values.email !== undefined && r.email === values.email)) {
      errors.push({ field: 'email', message: 'is taken' });
    }
    if (errors.length) throw new StaffExistsError(errors);
  }

  /** The user's row if visible in the scope, else NotFoundError. */
  private async visibleRow(
    db: Knex,
    scope: AdminScope,
    id: string,
    forUpdate = false,
  ): Promise<UserRow> {
    const query = db('public.staff_users as u').where('u.id', id);
    if (scope !== 'all') {
      query.whereExists((sub) =>
        sub
          .from('public.staff_roles as r')
          .whereRaw('r.user_id = u.id')
          .whereIn('r.tenant_id', [...scope]),
      );
    }
    if (forUpdate) query.forUpdate();
    const row = (await query.first('u.*')) as UserRow | undefined;
    if (!row) throw new NotFoundError('staff user');
    return row;
  }

  /** Like `get`, inside a transaction; after a change the user may have left the scope. */
  private async get_(
    db: Knex,
    scope: AdminScope,
    id: string,
    allowOutOfScope = false,
  ): Promise<StaffUserRecord> {
    const row = allowOutOfScope
      ? ((await db('public.staff_users').where('id', id).first()) as UserRow | undefined)
      : await this.visibleRow(db, scope, id);
    if (!row) throw new NotFoundError('staff user');
    const [record] = await this.withMemberships(db, scope, [row]);
    return record!;
  }

  private async withMemberships(
    db: Knex,
    scope: AdminScope,
    rows: UserRow[],
  ): Promise<StaffUserRecord[]> {
    const memberships = await membershipsOf(
      db,
      rows.map((row) => row.id),
      scope,
    );
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      email: row.email,
      displayName: row.display_name,
      active: row.active,
      passwordSet: row.password_hash !== null,
      memberships: memberships.get(row.id) ?? [],
      lastLoginAt: row.last_login_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  private async record(
    trx: Knex.Transaction,
    actor: AdminActor,
    action: string,
    userId: string,
    tenantIds: readonly string[],
    details: Record<string, boolean>,
  ): Promise<void> {
    const tenants = tenantIds.length ? [...new Set(tenantIds)] : [null];
    for (const tenantId of tenants) {
      await this.audit.record(
        {
          actor: { type: 'staff', id: actor.userId },
          tenantId,
          action,
          objectType: 'staff_user',
          objectId: userId,
          requestId: actor.requestId ?? null,
          details,
        },
        trx,
      );
    }
  }
}
