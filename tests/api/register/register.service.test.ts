import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { ValidationError } from '../../../server/src/http/errors';
import {
  RegisterService,
  sameName,
  type LookupQuery,
} from '../../../server/src/register/register.service';
import { createTestDatabase, type TestDatabase } from '../../support/database';

let database: TestDatabase;
let audit: AuditService;
let register: RegisterService;
const clerk = { actor: { type: 'staff' as const, id: 'clerk-3' }, requestId: 'req-register' };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  audit = new AuditService(db.knex);
  register = new RegisterService(db.knex, audit);
});

afterAll(async () => {
  await database?.drop();
});

const anna: LookupQuery = {
  tenantId: 'luzern',
  lastName: 'Müller',
  firstName: 'Anna',
  birthDate: '1985-04-23',
};

describe('RegisterService.lookup', () => {
  it('finds exactly one resident with the address the register holds', async () => {
    const result = await register.lookup(anna, clerk);
    expect(result).toEqual({
      status: 'found',
      resident: {
        id: expect.any(String),
        tenantId: 'luzern',
        lastName: 'Müller',
        firstName: 'Anna',
        birthDate: '1985-04-23',
        street: 'Pilatusstrasse',
        houseNumber: '12',
        postalCode: '6003',
        city: 'Luzern',
        movedInOn: '2015-09-01',
      },
    });
  });

  it.each(
    (
      [
        ['umlaut written as ue', { lastName: 'Mueller' }, 'found'],
        ['umlaut without dots', { lastName: 'Muller' }, 'found'],
        ['other case and spaces', { lastName: '  MÜLLER ', firstName: 'anna' }, 'found'],
        [
          'the first of two given names',
          { tenantId: 'luzern', lastName: 'Bühler', firstName: 'Sophie', birthDate: '1989-12-05' },
          'found',
        ],
        [
          'both given names',
          {
            tenantId: 'luzern',
            lastName: 'Buehler',
            firstName: 'Sophie Marie',
            birthDate: '1989-12-05',
          },
          'found',
        ],
        ['Anna Müller in Eschenbach too (one per tenant)', { tenantId: 'eschenbach' }, 'found'],
        [
          'two Peter Meier born the same day',
          { lastName: 'Meier', firstName: 'Peter', birthDate: '1975-06-14' },
          'ambiguous',
        ],
        [
          'two Josef Bucher in Eschenbach',
          {
            tenantId: 'eschenbach',
            lastName: 'Bucher',
            firstName: 'Josef',
            birthDate: '1958-02-03',
          },
          'ambiguous',
        ],
        ['another birth date', { birthDate: '1985-04-24' }, 'not_found'],
        ['another first name', { firstName: 'Anne' }, 'not_found'],
        [
          'the second given name only',
          { tenantId: 'luzern', lastName: 'Bühler', firstName: 'Marie', birthDate: '1989-12-05' },
          'not_found',
        ],
        [
          'a resident of another municipality',
          { tenantId: 'luzern', lastName: 'Schärli', firstName: 'Ruth', birthDate: '1949-11-30' },
          'not_found',
        ],
        ['the canton (no residents of its own)', { tenantId: 'kanton' }, 'not_found'],
      ] as const
    ).map(([what, overrides, status]) => ({ what, overrides, status })),
  )('$what → $status', async ({ overrides, status }) => {
    const result = await register.lookup({ ...anna, ...overrides }, clerk);
    expect(result.status).toBe(status);
    if (result.status === 'ambiguous') expect(result.count).toBe(2);
  });

  it('audits each lookup with the outcome and the resident id, no names', async () => {
    const found = await register.lookup(anna, { ...clerk, caseId: 'case-42' });
    await register.lookup({ ...anna, firstName: 'Nobody' }, { ...clerk, caseId: 'case-43' });
    const entries = await audit.list({
      scope: ['luzern'],
      filter: { action: 'register.lookup' },
      perPage: 2,
    });
    expect(entries.data.map((e) => [e.objectId, e.details])).toEqual([
      [null, { outcome: 'not_found', caseId: 'case-43' }],
      [found.status === 'found' ? found.resident.id : 'x', { outcome: 'found', caseId: 'case-42' }],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Müller|Nobody|1985/);
  });

  it.each(
    (
      [
        ['a day that does not exist', { birthDate: '2023-02-30' }, 'birthDate'],
        ['a Swiss date format', { birthDate: '23.04.1985' }, 'birthDate'],
        ['a month 13', { birthDate: '1985-13-01' }, 'birthDate'],
        ['no last name', { lastName: ' ' }, 'lastName'],
        ['a first name of 101 characters', { firstName: 'A'.repeat(101) }, 'firstName'],
      ] as const
    ).map(([what, overrides, field]) => ({ what, overrides, field })),
  )('refuses $what with ValidationError naming $field', async ({ overrides, field }) => {
    const error = await register.lookup({ ...anna, ...overrides }, clerk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors?.map((e) => e.field)).toEqual([field]);
  });
});

describe('sameName', () => {
  it.each([
    ['Müller', 'Mueller', true],
    ['Müller', 'Muller', true],
    ['Zürcher', 'ZURCHER', true],
    ['Genève', 'Geneve', true],
    ['Meier-Huber', 'Meier Huber', true],
    ['Strauß', 'Strauss', true],
    ['Müller', 'Miller', false],
    ['Mueller', 'Muller', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(sameName(a, b)).toBe(same);
  });
});
