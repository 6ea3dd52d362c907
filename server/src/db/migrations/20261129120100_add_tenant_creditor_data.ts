import type { Knex } from 'knex';

/**
 * Letterhead and creditor data of a tenant, for the documents and QR-bill invoices the workers
 * make (`workers/tenantStationery.ts`): official name, department, postal address, contact,
 * and the account fees are paid to (a QR-IBAN, so invoices carry a QR reference). A tenant
 * without an address has no letterhead, one without an IBAN bills nothing; a worker needing
 * them raises an incident.
 *
 * Seeded for the canton, Luzern and Eschenbach with plausible addresses and TEST QR-IBANs
 * (valid check digits, QR-IID 30778; not real accounts): administrators must enter the real
 * accounts before invoices are sent. The three rows are written in full (as
 * `tenants/municipalities.json` has them) because on a new database the tenant sync runs only
 * after the migrations.
 */
const SEED = [
  {
    id: 'kanton',
    kind: 'canton',
    name: 'Kanton Luzern',
    bfs_number: null,
    district: null,
    official_name: 'Kanton Luzern',
    department: 'Staatskanzlei',
    street: 'Bahnhofstrasse',
    building_number: '15',
    postal_code: '6002',
    city: 'Luzern',
    phone: '041 228 51 11',
    email: 'staatskanzlei@lu.ch',
    website: 'www.lu.ch',
    creditor_iban: 'CH4730778000060001000',
  },
  {
    id: 'luzern',
    kind: 'municipality',
    name: 'Luzern',
    bfs_number: 1061,
    district: 'Luzern-Stadt',
    official_name: 'Stadt Luzern',
    department: 'Einwohnerdienste',
    street: 'Hirschengraben',
    building_number: '17',
    postal_code: '6002',
    city: 'Luzern',
    phone: '041 208 81 11',
    email: 'einwohnerdienste@stadtluzern.ch',
    website: 'www.stadtluzern.ch',
    creditor_iban: 'CH9430778000061001000',
  },
  {
    id: 'eschenbach',
    kind: 'municipality',
    name: 'Eschenbach (LU)',
    bfs_number: 1026,
    district: 'Hochdorf',
    official_name: 'Gemeinde Eschenbach',
    department: 'Gemeindekanzlei',
    street: 'Rathausplatz',
    building_number: '1',
    postal_code: '6274',
    city: 'Eschenbach',
    phone: '041 449 10 10',
    email: 'gemeinde@eschenbach-lu.ch',
    website: 'www.eschenbach-lu.ch',
    creditor_iban: 'CH2030778000061026000',
  },
] as const;

const COLUMNS = [
  'official_name',
  'department',
  'street',
  'building_number',
  'postal_code',
  'city',
  'phone',
  'email',
  'website',
  'creditor_iban',
] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').alterTable('tenants', (table) => {
    table.string('official_name', 70).nullable();
    table.string('department', 120).nullable();
    table.string('street', 70).nullable();
    table.string('building_number', 16).nullable();
    table.string('postal_code', 16).nullable();
    table.string('city', 35).nullable();
    table.string('country', 2).notNullable().defaultTo('CH');
    table.string('phone', 40).nullable();
    table.string('email', 254).nullable();
    table.string('website', 200).nullable();
    table.string('creditor_iban', 21).nullable();
  });
  await knex.raw(
    `alter table public.tenants add constraint tenants_creditor_iban_check check (creditor_iban ~ '^(CH|LI)[0-9]{2}[0-9A-Z]{17}$')`,
  );
  for (const row of SEED) {
    await knex('public.tenants')
      .insert(row)
      .onConflict('id')
      .merge([...COLUMNS]);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`alter table public.tenants drop constraint tenants_creditor_iban_check`);
  await knex.schema.withSchema('public').alterTable('tenants', (table) => {
    table.dropColumns(...COLUMNS, 'country');
  });
}
