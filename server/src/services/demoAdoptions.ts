/**
 * Development only (NODE_ENV=development, like the demo staff): every loaded service is adopted
 * by Luzern and Eschenbach, or by the canton when the canton runs it, so `npm start` shows a
 * working portal. Existing adoptions are left alone; services added later are adopted at the
 * next start.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Config } from '../config';
import type { LoadedService } from './catalog.loader';
import { CANTON_TENANT_ID } from './catalog.service';

export const DEMO_ADOPTING_MUNICIPALITIES = ['luzern', 'eschenbach'] as const;

/**
 * The group responsible for a service in a tenant: the manifest's first group of the tenant's
 * own (not `kanton:…`), else a demo group (see staff/demoStaff.ts) by kind of service.
 */
function demoGroup(tenantId: string, service: LoadedService): string | null {
  const own = service.manifest.groups.find((group) => !group.id.includes(':'));
  if (own) return own.id;
  const situation = service.manifest.lifeSituation.id;
  const building = /bau|build/.test(situation) || /bau|build/.test(service.id);
  const parking = /park/.test(service.id);
  if (tenantId === CANTON_TENANT_ID)
    return building ? 'raum-und-wirtschaft' : 'strassenverkehrsamt';
  if (tenantId === 'luzern')
    return building ? 'baugesuche' : parking ? 'parkkarten' : 'einwohnerkontrolle';
  return building ? 'bauverwaltung' : 'einwohnerkontrolle';
}

export async function seedDemoAdoptions(
  knex: Knex,
  env: Config['env'],
  services: LoadedService[],
): Promise<number> {
  if (env !== 'development') return 0;
  const rows = services.flatMap((service) =>
    (service.manifest.authority === 'canton'
      ? [CANTON_TENANT_ID]
      : [...DEMO_ADOPTING_MUNICIPALITIES]
    ).map((tenantId) => ({
      id: randomUUID(),
      tenant_id: tenantId,
      service_id: service.id,
      enabled: true,
      responsible_group: demoGroup(tenantId, service),
      contact_email: `${tenantId}@example.ch`,
      texts: JSON.stringify({}),
    })),
  );
  if (!rows.length) return 0;
  const inserted = (await knex('public.service_adoptions')
    .insert(rows)
    .onConflict(['tenant_id', 'service_id'])
    .ignore()
    .returning('id')) as unknown[];
  return inserted.length;
}
