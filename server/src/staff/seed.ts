/**
 * Data the server writes at every start, after the migrations: the tenants from
 * `tenants/municipalities.json` and, in development only, the demo staff.
 */
import type { Knex } from 'knex';
import type { Config } from '../config';
import { TenantService } from '../tenants/tenant.service';
import { seedDemoStaff } from './demoStaff';

export async function seedTenantsAndStaff(knex: Knex, env: Config['env']): Promise<void> {
  await new TenantService(knex).sync();
  await seedDemoStaff(knex, env);
}
