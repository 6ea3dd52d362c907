/**
 * Which tenant a process instance belongs to, and who may see or operate it.
 *
 * The engine's tenant is not ours while Zeebe multi-tenancy is off (every instance runs under
 * `<default>`), so the owner of an instance is the tenant of its case — found by the instance
 * key, or by the key of its root instance for a called process. An instance without a case
 * (a process started by hand or by another system) belongs to its Zeebe tenant with
 * multi-tenancy, and to the canton (the platform) without.
 *
 * - see: operators (admin or designer) of the owner, and staff who see the case
 *   (`visibilityOf`: the tenant's administrators; clerks of the responsible group);
 * - operate (retry, cancel, list instances and incidents): admin or designer of the owner, or
 *   an administrator of the canton.
 */
import type { Knex } from 'knex';
import { visibilityOf } from '../cases/staffCases.service';
import {
  hasRole,
  isPlatformAdmin,
  PLATFORM_TENANT_ID,
  type Role,
  type StaffPrincipal,
} from '../staff/principal';
import type { Monitoring } from './Monitoring';

export const OPERATOR_ROLES: readonly Role[] = ['admin', 'designer'];

/** Call activities nest; more levels than this are not followed to a case. */
const MAX_DEPTH = 8;

export interface InstanceOwner {
  tenantId: string;
  caseId: string | null;
  caseReference: string | null;
}

export interface OwnedInstance {
  key: string;
  /** The engine's tenant of the instance. */
  tenantId: string;
  /** The parent instance, when the caller knows it; looked up otherwise. */
  parentKey?: string | null;
}

export function canOperate(principal: StaffPrincipal, tenantId: string): boolean {
  return isPlatformAdmin(principal) || hasRole(principal, tenantId, OPERATOR_ROLES);
}

export class InstanceScope {
  constructor(
    private readonly knex: Knex,
    private readonly monitoring: Monitoring,
    private readonly multiTenancy: boolean,
  ) {}

  /** The tenant an instance without a case belongs to. */
  engineOwner(engineTenantId: string): string {
    return this.multiTenancy && engineTenantId !== '<default>'
      ? engineTenantId
      : PLATFORM_TENANT_ID;
  }

  /** The owner of each instance (by instance key): one query per nesting level. */
  async ownersOf(instances: readonly OwnedInstance[]): Promise<Map<string, InstanceOwner>> {
    const owners = new Map<string, InstanceOwner>();
    // instance key → the key looked up on the current level
    let pending = new Map(instances.map((i) => [i.key, { at: i.key, parent: i.parentKey }]));
    for (let depth = 0; pending.size && depth < MAX_DEPTH; depth += 1) {
      const cases = await this.casesOf([...new Set([...pending.values()].map((p) => p.at))]);
      const next = new Map<string, { at: string; parent: string | null | undefined }>();
      for (const [key, { at, parent }] of pending) {
        const found = cases.get(at);
        if (found) {
          owners.set(key, found);
          continue;
        }
        const parentKey =
          parent !== undefined
            ? parent
            : ((await this.monitoring.getProcessInstance(at))?.instance.parentKey ?? null);
        if (parentKey) next.set(key, { at: parentKey, parent: undefined });
      }
      pending = next;
    }
    for (const instance of instances) {
      if (!owners.has(instance.key)) {
        owners.set(instance.key, {
          tenantId: this.engineOwner(instance.tenantId),
          caseId: null,
          caseReference: null,
        });
      }
    }
    return owners;
  }

  async ownerOf(instance: OwnedInstance): Promise<InstanceOwner> {
    return (await this.ownersOf([instance])).get(instance.key)!;
  }

  /** Whether the staff member sees the case (the rule of `staffCases.service.ts`). */
  async caseVisibleTo(principal: StaffPrincipal, caseId: string): Promise<boolean> {
    const row = (await this.knex('public.cases as c')
      .leftJoin('public.service_adoptions as a', (join) =>
        join.on('a.tenant_id', '=', 'c.tenant_id').andOn('a.service_id', '=', 'c.service_id'),
      )
      .where('c.id', caseId)
      .first('c.tenant_id', 'a.responsible_group')) as
      { tenant_id: string; responsible_group: string | null } | undefined;
    if (!row) return false;
    return visibilityOf(principal).some(
      (rule) =>
        rule.tenantId === row.tenant_id &&
        (rule.everything ||
          row.responsible_group === null ||
          rule.groups.includes(row.responsible_group)),
    );
  }

  private async casesOf(keys: string[]): Promise<Map<string, InstanceOwner>> {
    if (!keys.length) return new Map();
    const rows = (await this.knex('public.cases')
      .whereIn('process_instance_key', keys)
      .select('process_instance_key', 'tenant_id', 'id', 'reference')) as {
      process_instance_key: string;
      tenant_id: string;
      id: string;
      reference: string;
    }[];
    return new Map(
      rows.map((row) => [
        row.process_instance_key,
        { tenantId: row.tenant_id, caseId: row.id, caseReference: row.reference },
      ]),
    );
  }
}
