/**
 * Zeebe's gateway tenant rules, checked again at the engine's edge (the gateway checks them
 * first): without multi-tenancy only '<default>' (or no tenant) is allowed; with it, a tenant
 * must be named.
 */
import { DEFAULT_TENANT, type Rejection } from '../api';

export type TenantCheck<T> = T | { ok: false; rejection: Rejection };

export class TenantRules {
  constructor(private readonly multiTenancy: boolean) {}

  tenant(request: string, tenantId: string): TenantCheck<string> {
    const given = tenantId.trim();
    if (!this.multiTenancy) {
      if (given === '' || given === DEFAULT_TENANT) return DEFAULT_TENANT;
      return invalidTenant(request, tenantId, 'multi-tenancy is disabled');
    }
    if (given === '') return invalidTenant(request, tenantId, 'no tenant identifier was provided.');
    return tenantId;
  }

  /** Job activation: no tenant ids means the default tenant. */
  tenants(request: string, tenantIds: string[]): TenantCheck<string[]> {
    if (tenantIds.length === 0) return [DEFAULT_TENANT];
    const result: string[] = [];
    for (const tenantId of tenantIds) {
      const checked = this.tenant(request, tenantId);
      if (typeof checked !== 'string') return checked;
      result.push(checked);
    }
    return result;
  }
}

function invalidTenant(
  request: string,
  tenantId: string,
  reason: string,
): { ok: false; rejection: Rejection } {
  return {
    ok: false,
    rejection: {
      intent: request,
      type: 'INVALID_ARGUMENT',
      reason: `Expected to handle gRPC request ${request} with tenant identifier '${tenantId}', but ${reason}`,
    },
  };
}
