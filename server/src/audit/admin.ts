/**
 * What the back-office routes of the audit log and the mail outbox need from authentication,
 * and how they parse their query strings. Authentication itself lives in `auth/`: it provides
 * an `AuthorizeAdmin` that resolves the signed-in administrator and the tenants they
 * administer, or throws UnauthorizedError / ForbiddenError. Every route calls it first.
 */
import type { Request } from 'express';
import type { AuditActor } from './audit.service';

export interface AdminScope {
  actor: AuditActor;
  /** Tenants the caller administers, or 'all' for a platform administrator. */
  tenantIds: readonly string[] | 'all';
}

export type AuthorizeAdmin = (req: Request) => Promise<AdminScope>;

/** react-admin's partial pagination: no total count (expensive on a growing table). */
export interface Page<T> {
  data: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

export const MAX_PER_PAGE = 100;

export function inScope(scope: AdminScope, tenantId: string | null): boolean {
  if (scope.tenantIds === 'all') return true;
  return tenantId !== null && scope.tenantIds.includes(tenantId);
}

/** Parses with one zod schema; a failure is a 400 ValidationError naming each field. */
/** The request parser of all routes, under the name the admin lists use. */
export { parseRequest as parseOrThrow } from '../http/parseRequest';
