/**
 * A tenant's letterhead and creditor account, from the tenants table (columns added by
 * migration `add_tenant_creditor_data`), for the `generate-document` and `create-invoice`
 * workers. Undefined when the tenant lacks an address (no letterhead) or an IBAN (bills
 * nothing); the workers turn that into an incident.
 */
import type { Knex } from 'knex';
import type { Letterhead } from '../pdf/pdfDocument';
import type { TenantBilling } from './create-invoice.worker';

interface StationeryRow {
  official_name: string | null;
  name: string;
  department: string | null;
  street: string | null;
  building_number: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  creditor_iban: string | null;
}

export interface TenantStationery {
  letterheadFor(tenantId: string): Promise<Letterhead | undefined>;
  billingFor(tenantId: string): Promise<TenantBilling | undefined>;
}

export function tenantStationery(knex: Knex): TenantStationery {
  const rowOf = async (tenantId: string) =>
    (await knex('public.tenants')
      .where({ id: tenantId, active: true })
      .first(
        'official_name',
        'name',
        'department',
        'street',
        'building_number',
        'postal_code',
        'city',
        'country',
        'phone',
        'email',
        'website',
        'creditor_iban',
      )) as StationeryRow | undefined;

  const letterheadOf = (row: StationeryRow): Letterhead | undefined => {
    if (!row.street || !row.postal_code || !row.city) return undefined;
    const streetLine = [row.street, row.building_number].filter(Boolean).join(' ');
    return {
      name: row.official_name ?? row.name,
      department: row.department ?? undefined,
      addressLines: [streetLine, `${row.postal_code} ${row.city}`],
      place: row.city,
      phone: row.phone ?? undefined,
      email: row.email ?? undefined,
      website: row.website ?? undefined,
    };
  };

  return {
    async letterheadFor(tenantId) {
      const row = await rowOf(tenantId);
      return row ? letterheadOf(row) : undefined;
    },
    async billingFor(tenantId) {
      const row = await rowOf(tenantId);
      const letterhead = row && letterheadOf(row);
      if (!row || !letterhead || !row.creditor_iban) return undefined;
      return {
        letterhead,
        creditor: {
          iban: row.creditor_iban,
          name: letterhead.name,
          street: row.street!,
          buildingNumber: row.building_number ?? undefined,
          postalCode: row.postal_code!,
          city: row.city!,
          country: row.country,
        },
      };
    },
  };
}
