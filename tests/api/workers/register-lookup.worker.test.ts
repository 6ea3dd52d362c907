import type { AddressInfo } from 'node:net';
import net from 'node:net';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { RegisterService } from '../../../server/src/register/register.service';
import { RETRY_BACKOFF_MS } from '../../../server/src/workers/job';
import {
  REGISTER_LOOKUP,
  registerLookup,
  RESIDENT_AMBIGUOUS,
  RESIDENT_NOT_FOUND,
} from '../../../server/src/workers/register-lookup.worker';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { jobOf } from './jobs';

let database: TestDatabase;
let register: RegisterService;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  register = new RegisterService(db.knex, new AuditService(db.knex));
});

afterAll(async () => {
  await database?.drop();
});

const lookup = (variables: Record<string, unknown>, overrides = {}) =>
  registerLookup(jobOf(REGISTER_LOOKUP, variables, overrides), { register });

describe('register-lookup worker', () => {
  it('completes with the resident’s id and address when exactly one resident matches', async () => {
    const outcome = await lookup({
      lastName: 'Keller',
      firstName: 'Lea',
      birthDate: '1999-05-28',
      caseId: 'case-1',
    });
    expect(outcome).toEqual({
      kind: 'complete',
      variables: {
        resident: {
          id: expect.any(String),
          street: 'Bruchstrasse',
          houseNumber: '15',
          postalCode: '6003',
          city: 'Luzern',
          movedInOn: '2018-09-15',
        },
      },
    });
  });

  it.each([
    [
      'nobody matches',
      { lastName: 'Keller', firstName: 'Lea', birthDate: '1999-05-29' },
      RESIDENT_NOT_FOUND,
    ],
    [
      'two residents match',
      { lastName: 'Meier', firstName: 'Peter', birthDate: '1975-06-14' },
      RESIDENT_AMBIGUOUS,
    ],
  ])('throws a BPMN error when %s', async (_what, variables, errorCode) => {
    const outcome = await lookup(variables);
    expect(outcome).toMatchObject({ kind: 'bpmnError', errorCode });
    expect(JSON.stringify(outcome)).not.toMatch(/Keller|Meier|1975|1999/);
  });

  it('takes the tenant from the variables when multi-tenancy is off', async () => {
    const outcome = await lookup(
      { tenantId: 'eschenbach', lastName: 'Wey', firstName: 'Beat', birthDate: '1971-10-12' },
      { tenantId: '<default>' },
    );
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { resident: { street: 'Rothlistrasse' } },
    });
  });

  it.each([
    ['a variable is missing', { lastName: 'Keller', firstName: 'Lea' }, {}, /birthDate/],
    [
      'the birth date is malformed',
      { lastName: 'Keller', firstName: 'Lea', birthDate: '28.05.1999' },
      {},
      /birthDate/,
    ],
    [
      'the job has no tenant',
      { lastName: 'Keller', firstName: 'Lea', birthDate: '1999-05-28' },
      { tenantId: '<default>' },
      /tenant/,
    ],
  ])(
    'raises an incident (fail, no retries) when %s',
    async (_what, variables, overrides, message) => {
      const outcome = await lookup(variables, overrides);
      expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
      expect(outcome.kind === 'fail' && outcome.message).toMatch(message);
    },
  );

  it('fails with one retry fewer, after a back-off, when the register database is down', async () => {
    // given a register whose database does not answer
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const down = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', port, user: 'postgres', database: 'none' },
      acquireConnectionTimeout: 2000,
      pool: { min: 0, max: 1 },
      log: { warn: () => {}, error: () => {}, debug: () => {}, deprecate: () => {} },
    });
    const unreachable = new RegisterService(down, new AuditService(down));

    try {
      // when a job with 3 retries looks someone up
      const outcome = await registerLookup(
        jobOf(
          REGISTER_LOOKUP,
          { lastName: 'Keller', firstName: 'Lea', birthDate: '1999-05-28' },
          { retries: 3 },
        ),
        { register: unreachable },
      );

      // then the job fails with 2 retries left, to be tried again later
      expect(outcome).toMatchObject({ kind: 'fail', retries: 2, retryBackOffMs: RETRY_BACKOFF_MS });
      expect(outcome.kind === 'fail' && outcome.message).toMatch(
        /register-lookup failed: .*ECONNREFUSED/,
      );
    } finally {
      await down.destroy();
    }
  });
});
