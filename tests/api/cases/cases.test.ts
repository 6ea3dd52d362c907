/**
 * The staff case API: who sees which case (tenant, responsible group), the whole case with
 * submitted data, task variables, instance key, timeline and audit entries, filters and
 * partial pagination, and every read audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { CaseService } from '../../../server/src/cases/case.service';
import { CatalogService } from '../../../server/src/services/catalog.service';
import type { TestServer } from '../../server/support/testServer';
import { Browser } from '../auth/support/browser';
import { PASSWORD, createGroup, createStaff, member } from '../auth/support/staff';
import {
  FIXTURE_WORKFLOWS,
  adopt,
  eventually,
  startPortalServer,
  submissionBody,
  submit,
  submitCase,
  type SubmittedCase,
} from '../catalog/fixtures/portalServer';

let server: TestServer;
let cases: CaseService;
const browsers: Record<string, Browser> = {};
let luzernCase: SubmittedCase;
let eschenbachCase: SubmittedCase;

beforeAll(async () => {
  server = await startPortalServer();
  const k = server.knex;
  await adopt(k, 'luzern', { responsible_group: 'einwohnerkontrolle' });
  await adopt(k, 'eschenbach');
  await createGroup(k, 'luzern', 'einwohnerkontrolle', 'Einwohnerkontrolle');
  await createGroup(k, 'luzern', 'baugesuche', 'Baugesuche');
  await createGroup(k, 'eschenbach', 'einwohnerkontrolle', 'Einwohnerkontrolle');
  const users = {
    luzernClerk: await createStaff(k, {
      username: 'luzern.clerk',
      memberships: [member('luzern', ['clerk'], ['einwohnerkontrolle'])],
    }),
    luzernBuilding: await createStaff(k, {
      username: 'luzern.bau',
      memberships: [member('luzern', ['clerk'], ['baugesuche'])],
    }),
    luzernAdmin: await createStaff(k, {
      username: 'luzern.admin',
      memberships: [member('luzern', ['admin'])],
    }),
    luzernDesigner: await createStaff(k, {
      username: 'luzern.designer',
      memberships: [member('luzern', ['designer'])],
    }),
    eschenbachClerk: await createStaff(k, {
      username: 'eschenbach.clerk',
      memberships: [member('eschenbach', ['clerk'], ['einwohnerkontrolle'])],
    }),
    platformAdmin: await createStaff(k, {
      username: 'kanton.admin',
      memberships: [member('kanton', ['admin'])],
    }),
  };
  for (const [name, user] of Object.entries(users)) {
    browsers[name] = await new Browser(server.baseUrl).loginOk(user.username, PASSWORD);
  }
  luzernCase = await submitCase(server, submissionBody({ dogName: 'Bello' }));
  eschenbachCase = await submitCase(server, submissionBody({ dogName: 'Fido' }), 'eschenbach');
  for (let i = 0; i < 3; i += 1) await submit(server, submissionBody({ dogName: `Hund ${i}` }));
  const catalog = new CatalogService(k, FIXTURE_WORKFLOWS);
  catalog.load();
  cases = new CaseService(k, catalog, new AuditService(k));
});

afterAll(async () => {
  await server?.stop();
});

interface Page {
  data: { id: string; reference: string; tenantId: string; status: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

describe('who sees which case', () => {
  it.each([
    ['a clerk of the responsible group', 'luzernClerk', 200],
    ["the tenant's administrator", 'luzernAdmin', 200],
    ['a clerk of another group', 'luzernBuilding', 404],
    ['a clerk of another tenant', 'eschenbachClerk', 404],
    ['the platform administrator (the canton is another tenant)', 'platformAdmin', 404],
    ['a designer', 'luzernDesigner', 403],
  ])('answers %s with %i', async (_who, name, status) => {
    const res = await browsers[name]!.get(`/api/cases/${luzernCase.id}`);
    expect(res.status).toBe(status);
    if (status !== 200) expect(await res.text()).not.toContain(luzernCase.reference);
  });

  it('answers the anonymous with 401', async () => {
    expect((await new Browser(server.baseUrl).get(`/api/cases/${luzernCase.id}`)).status).toBe(401);
    expect((await new Browser(server.baseUrl).get('/api/cases')).status).toBe(401);
  });

  it('lists to each clerk the cases of their tenant and groups only', async () => {
    const luzern = (await (
      await browsers.luzernClerk!.get('/api/cases?perPage=100')
    ).json()) as Page;
    expect(luzern.data.length).toBe(4);
    expect(new Set(luzern.data.map((c) => c.tenantId))).toEqual(new Set(['luzern']));
    const other = (await (await browsers.luzernBuilding!.get('/api/cases')).json()) as Page;
    expect(other.data).toEqual([]);
    const eschenbach = (await (await browsers.eschenbachClerk!.get('/api/cases')).json()) as Page;
    expect(eschenbach.data.map((c) => c.id)).toEqual([eschenbachCase.id]);
  });
});

describe('the whole case', () => {
  it('shows data, variables, instance key, timeline and audit entries, and audits the read', async () => {
    // given a task added a variable and the decision is out
    const key = await eventually(async () => {
      const row = (await server.knex('public.cases').where({ id: luzernCase.id }).first()) as {
        process_instance_key: string | null;
      };
      return row.process_instance_key ?? undefined;
    });
    await cases.recordVariables(
      luzernCase.id,
      { tagNumber: 'LU-4711', checked: true },
      'task:test',
    );
    await cases.recordMilestone({ processInstanceKey: key, milestoneId: 'checked' });
    expect(await cases.recordDecision(luzernCase.id, { decision: 'approved' })).toBe(true);

    // when the clerk opens the case by its reference
    const res = await browsers.luzernClerk!.get(`/api/cases/${luzernCase.reference}`);

    // then everything is there
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & {
      timeline: { kind: string }[];
      audit: { action: string }[];
      variables: Record<string, unknown>;
    };
    expect(body).toMatchObject({
      id: luzernCase.id,
      reference: luzernCase.reference,
      status: 'decided',
      decision: 'approved',
      processInstanceKey: key,
      applicant: { email: 'anna.muster@example.ch', name: 'Anna Muster', language: 'de' },
      formData: expect.objectContaining({ dogName: 'Bello' }),
    });
    expect(body.variables).toMatchObject({ dogName: 'Bello', tagNumber: 'LU-4711', checked: true });
    expect(body.timeline.map((entry) => entry.kind)).toEqual([
      'submitted',
      'milestone',
      'decision',
    ]);
    expect(body.audit.map((entry) => entry.action)).toContain('case.submit');

    // and the read is audited with the clerk as actor
    const reads = (await server
      .knex('public.audit_log')
      .where({ object_id: luzernCase.id, action: 'case.read', actor_type: 'staff' })
      .count({ n: '*' })) as { n: string | number }[];
    expect(Number(reads[0]!.n)).toBeGreaterThan(0);

    // and a decided case is not reopened by a late milestone's status change
    expect(await cases.setStatus(luzernCase.id, 'in_progress')).toBe(false);
  });

  it.each([['not-an-id'], ['00000000-0000-4000-8000-000000000000'], ['LU-2026-999999']])(
    'answers 404 for %s',
    async (id) => {
      expect((await browsers.luzernAdmin!.get(`/api/cases/${id}`)).status).toBe(404);
    },
  );
});

describe('the list', () => {
  it('filters and pages without counting everything, and audits the read', async () => {
    const first = (await (await browsers.luzernAdmin!.get('/api/cases?perPage=2')).json()) as Page;
    expect(first.data).toHaveLength(2);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    const last = (await (
      await browsers.luzernAdmin!.get('/api/cases?perPage=2&page=2')
    ).json()) as Page;
    expect(last.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(new Set([...first.data, ...last.data].map((c) => c.id)).size).toBe(4);

    const decided = (await (
      await browsers.luzernAdmin!.get('/api/cases?status=decided')
    ).json()) as Page;
    expect(decided.data.map((c) => c.id)).toEqual([luzernCase.id]);
    const byReference = (await (
      await browsers.luzernAdmin!.get(`/api/cases?reference=${luzernCase.reference}`)
    ).json()) as Page;
    expect(byReference.data.map((c) => c.id)).toEqual([luzernCase.id]);

    const listed = await server
      .knex('public.audit_log')
      .where({ action: 'case.list', actor_type: 'staff' });
    expect(listed.length).toBeGreaterThan(0);
  });

  it.each([['status=lost'], ['perPage=1000'], ['unknown=1']])(
    'refuses ?%s with 400',
    async (query) => {
      expect((await browsers.luzernAdmin!.get(`/api/cases?${query}`)).status).toBe(400);
    },
  );
});
