/**
 * The dashboard's charts: cases per service and Swiss week, median lead time (submission to
 * decision), open and overdue staff tasks per candidate group — one tenant at a time, at a
 * fixed instant; and the route's tenant scope and refused input.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardService } from '../../../server/src/dashboard/dashboard.service';
import type { TestServer } from '../../server/support/testServer';
import { Browser } from '../auth/support/browser';
import { PASSWORD, createGroup, createStaff, member } from '../auth/support/staff';
import { startPortalServer } from '../catalog/fixtures/portalServer';

/** Wednesday 25 November 2026, 11:00 in Lucerne. */
const NOW = new Date('2026-11-25T10:00:00Z');

let server: TestServer;
let dashboard: DashboardService;
let references = 0;

async function arrangeCase(
  tenantId: string,
  serviceId: string,
  submittedAt: string,
  decidedAt: string | null = null,
): Promise<void> {
  references += 1;
  await server.knex('public.cases').insert({
    id: randomUUID(),
    reference: `LU-2026-${String(900000 + references)}`,
    tenant_id: tenantId,
    service_id: serviceId,
    bpmn_process_id: serviceId,
    status: decidedAt ? 'decided' : 'in_progress',
    applicant_email: 'lea.keller@example.ch',
    tracking_token_hash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
    form_data: JSON.stringify({}),
    submitted_at: new Date(submittedAt),
    decided_at: decidedAt ? new Date(decidedAt) : null,
  });
}

async function arrangeTask(
  tenantId: string,
  groups: string[],
  dueAt: string | null,
): Promise<void> {
  const id = randomUUID();
  const due = dueAt ? new Date(dueAt) : null;
  await server.knex('public.tasks').insert({
    id,
    job_key: String(Math.floor(Math.random() * 1e15)),
    tenant_id: tenantId,
    bpmn_process_id: 'fixture-dog-tag',
    process_definition_version: 1,
    process_instance_key: '1',
    element_id: 'review',
    element_instance_key: '2',
    name: 'Prüfen',
    candidate_groups: groups,
    due_at: due,
    job_deadline: new Date('2027-01-01T00:00:00Z'),
  });
  for (const group of groups) {
    await server.knex('public.task_candidates').insert({
      task_id: id,
      tenant_id: tenantId,
      candidate: `group:${group}`,
      due_sort: due ?? new Date('9999-12-31T00:00:00Z'),
      created_at: new Date('2026-11-20T08:00:00Z'),
    });
  }
}

beforeAll(async () => {
  server = await startPortalServer();
  dashboard = new DashboardService(server.knex, (id) => ({ de: `DE ${id}`, en: `EN ${id}` }));
  await createGroup(server.knex, 'luzern', 'einwohnerkontrolle', 'Einwohnerkontrolle');
  // cases: this week (one at 00:30 on Monday in Lucerne, still Sunday in UTC), last week, and
  // one before the period; another tenant's case never counts
  await arrangeCase('luzern', 'dog', '2026-11-24T09:00:00Z');
  await arrangeCase('luzern', 'dog', '2026-11-22T23:30:00Z');
  await arrangeCase('luzern', 'parking', '2026-11-24T12:00:00Z');
  await arrangeCase('luzern', 'dog', '2026-11-16T08:00:00Z', '2026-11-20T08:00:00Z');
  await arrangeCase('luzern', 'dog', '2026-11-10T08:00:00Z', '2026-11-12T08:00:00Z');
  await arrangeCase('luzern', 'dog', '2026-11-01T08:00:00Z', '2026-11-07T08:00:00Z');
  await arrangeCase('luzern', 'dog', '2026-08-01T08:00:00Z');
  await arrangeCase('eschenbach', 'dog', '2026-11-24T09:00:00Z', '2026-11-25T09:00:00Z');
  // tasks: two groups, one task for both, one overdue, one without a due date
  await arrangeTask('luzern', ['einwohnerkontrolle'], '2026-11-24T00:00:00Z');
  await arrangeTask('luzern', ['einwohnerkontrolle'], '2026-12-24T00:00:00Z');
  await arrangeTask('luzern', ['einwohnerkontrolle', 'baugesuche'], null);
  await arrangeTask('eschenbach', ['einwohnerkontrolle'], '2026-11-01T00:00:00Z');
});

afterAll(async () => {
  await server?.stop();
});

describe('DashboardService.stats', () => {
  it('counts cases per service and Swiss week, from the Monday `weeks` weeks back', async () => {
    const stats = await dashboard.stats('luzern', 12, NOW);

    expect(stats.from).toBe('2026-09-06T22:00:00.000Z');
    expect(stats.casesPerWeek.map((r) => [r.week, r.serviceId, r.cases])).toEqual([
      ['2026-10-26', 'dog', 1],
      ['2026-11-09', 'dog', 1],
      ['2026-11-16', 'dog', 1],
      ['2026-11-23', 'dog', 2],
      ['2026-11-23', 'parking', 1],
    ]);
    expect(stats.casesPerWeek[0]!.serviceTitle).toEqual({ de: 'DE dog', en: 'EN dog' });
  });

  it('gives the median days from submission to decision per service', async () => {
    const stats = await dashboard.stats('luzern', 12, NOW);
    expect(stats.leadTime).toEqual([
      { serviceId: 'dog', serviceTitle: expect.any(Object), medianDays: 4, decidedCases: 3 },
    ]);
  });

  it('counts open and overdue staff tasks per candidate group, with group names', async () => {
    const stats = await dashboard.stats('luzern', 12, NOW);
    expect(stats.openTasksByGroup).toEqual([
      { group: 'baugesuche', groupName: 'baugesuche', open: 1 },
      { group: 'einwohnerkontrolle', groupName: 'Einwohnerkontrolle', open: 3 },
    ]);
    expect(stats.overdueTasksByGroup).toEqual([
      { group: 'einwohnerkontrolle', groupName: 'Einwohnerkontrolle', overdue: 1 },
    ]);
  });

  it('counts a one-week period from this Monday only', async () => {
    const stats = await dashboard.stats('luzern', 1, NOW);
    expect(stats.casesPerWeek.map((r) => r.week)).toEqual(['2026-11-23', '2026-11-23']);
    expect(stats.leadTime).toEqual([]);
  });
});

describe('GET /api/dashboard', () => {
  let clerk: Browser;
  beforeAll(async () => {
    const staff = await createStaff(server.knex, {
      username: 'dash.clerk',
      memberships: [member('luzern', ['clerk'], ['einwohnerkontrolle'])],
    });
    clerk = await new Browser(server.baseUrl).loginOk(staff.username, PASSWORD);
  });

  it('answers the charts of the staff member’s tenant', async () => {
    const res = await clerk.get('/api/dashboard?weeks=52');
    expect(res.status).toBe(200);
    const stats = (await res.json()) as { tenantId: string; openTasksByGroup: unknown[] };
    expect(stats.tenantId).toBe('luzern');
    expect(stats.openTasksByGroup).toHaveLength(2);
  });

  it.each([
    ['another tenant', '?tenantId=eschenbach', 404],
    ['weeks=0', '?weeks=0', 400],
    ['weeks=53', '?weeks=53', 400],
    ['an unknown parameter', '?group=x', 400],
  ])('refuses %s', async (_name, query, status) => {
    expect((await clerk.get(`/api/dashboard${query}`)).status).toBe(status);
  });

  it('is 401 without a session', async () => {
    expect((await fetch(`${server.baseUrl}/api/dashboard`)).status).toBe(401);
  });
});
