import type { Knex } from 'knex';

/**
 * The resident register (Einwohnerregister) the workers look people up in. Until a
 * municipality's real register is connected, each municipality has sample residents:
 * fictitious people at real street names of Luzern and Eschenbach, marked `source = 'sample'`
 * so an import of real data can remove them in one statement. Two pairs share name and birth
 * date on purpose (an ambiguous lookup), and Anna Müller lives in both municipalities (a lookup
 * is per tenant).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('residents', (table) => {
    table.uuid('id').primary();
    table.string('tenant_id', 64).notNullable();
    table.string('last_name', 100).notNullable();
    table.string('first_name', 100).notNullable();
    table.date('birth_date').notNullable();
    table.string('street', 100).notNullable();
    table.string('house_number', 16).notNullable();
    table.string('postal_code', 8).notNullable();
    table.string('city', 60).notNullable();
    table.date('moved_in_on').nullable();
    table.string('source', 16).notNullable().defaultTo('sample');
    table.index(['tenant_id', 'birth_date']);
  });
  await knex('public.residents').insert(sampleResidents);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('residents');
}

type Row = [string, string, string, string, string, string, string, string | null];

const luzern: Row[] = [
  ['Müller', 'Anna', '1985-04-23', 'Pilatusstrasse', '12', '6003', 'Luzern', '2015-09-01'],
  ['Meier', 'Peter', '1975-06-14', 'Hertensteinstrasse', '8', '6004', 'Luzern', '2001-03-15'],
  ['Meier', 'Peter', '1975-06-14', 'Maihofstrasse', '45', '6004', 'Luzern', '2019-07-01'],
  ['Steiner', 'Lukas', '1992-11-02', 'Tribschenstrasse', '21', '6005', 'Luzern', '2020-02-01'],
  ['Huber', 'Claudia', '1968-01-30', 'Haldenstrasse', '33', '6006', 'Luzern', '1996-05-01'],
  ['Graf', 'Marco', '2001-08-17', 'Baselstrasse', '60', '6003', 'Luzern', '2021-10-01'],
  ['Bühler', 'Sophie Marie', '1989-12-05', 'Zürichstrasse', '9', '6004', 'Luzern', null],
  ['Amrein', 'Josef', '1950-03-11', 'Museggstrasse', '4', '6004', 'Luzern', '1980-04-01'],
  ['Keller', 'Lea', '1999-05-28', 'Bruchstrasse', '15', '6003', 'Luzern', '2018-09-15'],
  ['Fischer', 'Daniel', '1979-09-09', 'Obergrundstrasse', '70', '6003', 'Luzern', '2009-01-01'],
  ['Zürcher', 'Hans', '1961-02-14', 'Hirschmattstrasse', '25', '6003', 'Luzern', '1991-06-01'],
  ['Bachmann', 'Elena', '2004-07-19', 'Neustadtstrasse', '3', '6003', 'Luzern', '2004-07-19'],
];

const eschenbach: Row[] = [
  ['Müller', 'Anna', '1985-04-23', 'Rothlistrasse', '7', '6274', 'Eschenbach', '2012-04-01'],
  ['Bucher', 'Josef', '1958-02-03', 'Oeggenringenstrasse', '18', '6274', 'Eschenbach', null],
  ['Bucher', 'Josef', '1958-02-03', 'Waldhusstrasse', '2', '6274', 'Eschenbach', '1988-08-01'],
  ['Schärli', 'Ruth', '1949-11-30', 'Pfistergässli', '5', '6274', 'Eschenbach', '1975-03-01'],
  [
    'Fleischli',
    'Thomas',
    '1983-06-06',
    'Vorhubenstrasse',
    '11',
    '6274',
    'Eschenbach',
    '2010-11-01',
  ],
  ['Estermann', 'Nina', '1995-01-21', 'Waldhusstrasse', '14', '6274', 'Eschenbach', '2022-01-01'],
  ['Wey', 'Beat', '1971-10-12', 'Rothlistrasse', '22', '6274', 'Eschenbach', '2003-05-01'],
  ['Lang', 'Mia', '2010-03-03', 'Oeggenringenstrasse', '9', '6274', 'Eschenbach', '2010-03-03'],
];

const sampleResidents = [
  ...luzern.map((row, i) => toRecord('luzern', 1, i, row)),
  ...eschenbach.map((row, i) => toRecord('eschenbach', 2, i, row)),
];

function toRecord(tenantId: string, block: number, index: number, row: Row) {
  const [lastName, firstName, birthDate, street, houseNumber, postalCode, city, movedInOn] = row;
  const serial = String(block * 100 + index + 1).padStart(12, '0');
  return {
    id: `5a3d1e00-0000-4000-8000-${serial}`,
    tenant_id: tenantId,
    last_name: lastName,
    first_name: firstName,
    birth_date: birthDate,
    street,
    house_number: houseNumber,
    postal_code: postalCode,
    city,
    moved_in_on: movedInOn,
    source: 'sample',
  };
}
