/** Request schemas of the tenant routes. */
import { z } from 'zod';
import { tenantIdSchema } from './tenant.service';

export const listTenantsQuery = z.strictObject({
  kind: z.enum(['canton', 'municipality']).optional(),
});

export const tenantParams = z.object({ id: tenantIdSchema });
