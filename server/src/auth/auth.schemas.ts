/** Request schemas of the auth routes, one per request. */
import { z } from 'zod';
import { tenantIdSchema } from '../tenants/tenant.service';

export const loginBody = z.strictObject({
  /** User name or e-mail address, any case. */
  username: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
  /** The tenant to start in; default: the first of the staff member's tenants. */
  tenantId: tenantIdSchema.optional(),
});

export const switchTenantBody = z.strictObject({ tenantId: tenantIdSchema });

/** Where to go after an OIDC login: a path of this site, never another site. */
export const oidcLoginQuery = z.strictObject({
  returnTo: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])[^\s]*$/, 'must be a path on this site')
    .default('/admin/'),
});
