/**
 * Tenant checks of Zeebe's gateway (RequestMapper#ensureTenantIdSet / #ensureTenantIdsSet):
 * without multi-tenancy every request belongs to `<default>` and naming another tenant is an
 * error; with multi-tenancy a tenant must be named and well-formed. Messages are Zeebe's
 * (InvalidTenantRequestException).
 */
import { DEFAULT_TENANT } from '../api';
import { GatewayError } from './GatewayError';

const TENANT_ID_MASK = /^[\w.-]{1,31}$/;

export class TenantPolicy {
  constructor(readonly multiTenancy: boolean) {}

  /** The tenant a single-tenant command (deploy, create, publish, …) belongs to. */
  tenantId(command: string, tenantId: string): string {
    const hasTenantId = tenantId.trim() !== '';
    if (!this.multiTenancy) {
      if (hasTenantId && tenantId !== DEFAULT_TENANT) {
        throw invalidTenant(command, tenantId, 'multi-tenancy is disabled');
      }
      return DEFAULT_TENANT;
    }
    if (!hasTenantId) throw invalidTenant(command, tenantId, 'no tenant identifier was provided.');
    if (tenantId.length > 31) {
      throw invalidTenant(command, tenantId, 'tenant identifier is longer than 31 characters');
    }
    if (tenantId !== DEFAULT_TENANT && !TENANT_ID_MASK.test(tenantId)) {
      throw invalidTenant(command, tenantId, 'tenant identifier contains illegal characters');
    }
    return tenantId;
  }

  /** The tenants a job activation or job stream covers. */
  tenantIds(command: string, tenantIds: string[]): string[] {
    if (tenantIds.length === 0) {
      if (!this.multiTenancy) return [DEFAULT_TENANT];
      throw GatewayError.invalidArgument(
        `Expected to handle gRPC request ${command} with tenant identifiers '[]', but no tenant identifiers were provided.`,
      );
    }
    return [...new Set(tenantIds.map((tenantId) => this.tenantId(command, tenantId)))];
  }
}

function invalidTenant(command: string, tenantId: string, reason: string): GatewayError {
  return GatewayError.invalidArgument(
    `Expected to handle gRPC request ${command} with tenant identifier '${tenantId}', but ${reason}`,
  );
}
