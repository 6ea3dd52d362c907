/**
 * The monitoring API over the embedded engine: who sees a case's instance (its clerks,
 * operators of its tenant), who lists instances (operators, only their tenants), the
 * definition's XML for the diagram and the heatmap statistics, and refused input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/support/testServer';
import { Browser } from '../auth/support/browser';
import { PASSWORD, createGroup, createStaff, member } from '../auth/support/staff';
import {
  adopt,
  eventually,
  startPortalServer,
  submissionBody,
  submitCase,
  type SubmittedCase,
} from '../catalog/fixtures/portalServer';

let server: TestServer;
const as: Record<string, Browser> = {};
let luzernCase: SubmittedCase & { instanceKey: string };
let eschenbachCase: SubmittedCase & { instanceKey: string };

interface InstanceView {
  instance: { key: string; state: string; processDefinitionKey: string; bpmnProcessId: string };
  flowNodeInstances: { flowNodeId: string; state: string }[];
  incidents: unknown[];
  owner: { tenantId: string; caseId: string | null; caseReference: string | null };
  canOperate: boolean;
}

async function submitted(tenantId: string, dogName: string) {
  const body = await submitCase(server, submissionBody({ dogName }), tenantId);
  const instanceKey = await eventually(async () => {
    const row = (await server
      .knex('public.cases')
      .where('id', body.id)
      .first('process_instance_key')) as { process_instance_key: string | null } | undefined;
    return row?.process_instance_key ?? undefined;
  });
  return { ...body, instanceKey };
}

beforeAll(async () => {
  server = await startPortalServer();
  const k = server.knex;
  await adopt(k, 'luzern', { responsible_group: 'einwohnerkontrolle' });
  await adopt(k, 'eschenbach');
  await createGroup(k, 'luzern', 'einwohnerkontrolle');
  await createGroup(k, 'luzern', 'baugesuche');
  const users = {
    clerk: member('luzern', ['clerk'], ['einwohnerkontrolle']),
    otherGroupClerk: member('luzern', ['clerk'], ['baugesuche']),
    designer: member('luzern', ['designer']),
    eschenbachAdmin: member('eschenbach', ['admin']),
    cantonDesigner: member('kanton', ['designer']),
    cantonAdmin: member('kanton', ['admin']),
  };
  for (const [name, membership] of Object.entries(users)) {
    const staff = await createStaff(k, {
      username: `mon.${name.toLowerCase()}`,
      memberships: [membership],
    });
    as[name] = await new Browser(server.baseUrl).loginOk(staff.username, PASSWORD);
  }
  luzernCase = await submitted('luzern', 'Bello');
  eschenbachCase = await submitted('eschenbach', 'Fido');
});

afterAll(async () => {
  await server?.stop();
});

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

describe('GET /api/monitoring/process-instances/{key}', () => {
  it('shows the case’s clerk the instance with its tokens, and audits the read', async () => {
    // when
    const res = await as.clerk!.get(`/api/monitoring/process-instances/${luzernCase.instanceKey}`);

    // then
    expect(res.status).toBe(200);
    const view = await json<InstanceView>(res);
    expect(view.instance).toMatchObject({ key: luzernCase.instanceKey, state: 'ACTIVE' });
    expect(view.flowNodeInstances.map((n) => [n.flowNodeId, n.state])).toEqual(
      expect.arrayContaining([
        ['submitted', 'COMPLETED'],
        ['check', 'ACTIVE'],
      ]),
    );
    expect(view.owner).toEqual({
      tenantId: 'luzern',
      caseId: luzernCase.id,
      caseReference: luzernCase.reference,
    });
    expect(view.canOperate).toBe(false);
    const audit = await server
      .knex('public.audit_log')
      .where({ action: 'process_instance.read', object_id: luzernCase.id })
      .first('tenant_id');
    expect(audit).toEqual({ tenant_id: 'luzern' });
  });

  it.each([
    ['a clerk of another group', 'otherGroupClerk'],
    ['another tenant’s administrator', 'eschenbachAdmin'],
  ])('is 404 for %s', async (_who, name) => {
    const res = await as[name]!.get(`/api/monitoring/process-instances/${luzernCase.instanceKey}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets the tenant’s designer operate it', async () => {
    const res = await as.designer!.get(
      `/api/monitoring/process-instances/${luzernCase.instanceKey}`,
    );
    expect((await json<InstanceView>(res)).canOperate).toBe(true);
  });

  it.each([
    ['an unknown key', '1', 404],
    ['a malformed key', '12ab', 400],
  ])('answers %s (%s) with %i', async (_name, key, status) => {
    expect((await as.designer!.get(`/api/monitoring/process-instances/${key}`)).status).toBe(
      status,
    );
  });

  it('is 401 without a session', async () => {
    const res = await fetch(
      `${server.baseUrl}/api/monitoring/process-instances/${luzernCase.instanceKey}`,
    );
    expect(res.status).toBe(401);
  });
});

describe('GET /api/monitoring/process-instances', () => {
  const keys = async (name: string, query = '') => {
    const res = await as[name]!.get(`/api/monitoring/process-instances${query}`);
    expect(res.status).toBe(200);
    const page = await json<{ items: { key: string; owner: { tenantId: string } }[] }>(res);
    return page.items.map((i) => i.key);
  };

  it('lists only instances of tenants the operator operates (the canton’s admins: all)', async () => {
    expect(await keys('designer')).toEqual([luzernCase.instanceKey]);
    expect(await keys('eschenbachAdmin')).toEqual([eschenbachCase.instanceKey]);
    expect(await keys('cantonDesigner')).toEqual([]);
    expect(await keys('cantonAdmin')).toEqual([eschenbachCase.instanceKey, luzernCase.instanceKey]);
    expect(await keys('cantonAdmin', '?tenantId=eschenbach')).toEqual([eschenbachCase.instanceKey]);
  });

  it('pages by key', async () => {
    const res = await as.cantonAdmin!.get('/api/monitoring/process-instances?size=1');
    const first = await json<{ items: { key: string }[]; next: string }>(res);
    const second = await json<{ items: { key: string }[]; next: string | null }>(
      await as.cantonAdmin!.get(`/api/monitoring/process-instances?size=1&after=${first.next}`),
    );
    expect([...first.items, ...second.items].map((i) => i.key)).toEqual([
      eschenbachCase.instanceKey,
      luzernCase.instanceKey,
    ]);
  });

  it('is 403 for a clerk', async () => {
    expect((await as.clerk!.get('/api/monitoring/process-instances')).status).toBe(403);
  });

  it.each([
    ['size=0', 'size'],
    ['state=RUNNING', 'state'],
    ['after=x', 'after'],
    ['password=1', 'password'],
  ])('refuses %s naming the field', async (query, field) => {
    const res = await as.designer!.get(`/api/monitoring/process-instances?${query}`);
    expect(res.status).toBe(400);
    const problem = await json<{ errors: { field: string }[] }>(res);
    expect(problem.errors.map((e) => e.field)).toContain(field);
  });
});

describe('process definitions', () => {
  const definitionKey = async () =>
    (
      await json<InstanceView>(
        await as.designer!.get(`/api/monitoring/process-instances/${luzernCase.instanceKey}`),
      )
    ).instance.processDefinitionKey;

  it('gives every staff member the BPMN XML of the diagram', async () => {
    const key = await definitionKey();
    const res = await as.clerk!.get(`/api/monitoring/process-definitions/${key}/xml`);
    expect(res.status).toBe(200);
    const definition = await json<{ bpmnProcessId: string; bpmnXml: string }>(res);
    expect(definition.bpmnProcessId).toBe('fixture-dog-tag');
    expect(definition.bpmnXml).toContain('<bpmn:serviceTask id="check"');
    expect((await as.clerk!.get('/api/monitoring/process-definitions/1/xml')).status).toBe(404);
  });

  it('counts a shared definition’s instances for the canton’s operators only', async () => {
    const key = await definitionKey();
    const res = await as.cantonDesigner!.get(
      `/api/monitoring/process-definitions/${key}/statistics`,
    );
    expect(res.status).toBe(200);
    const stats = await json<{ items: { activityId: string; active: number }[] }>(res);
    expect(stats.items.find((s) => s.activityId === 'check')?.active).toBe(2);
    expect(
      (await as.designer!.get(`/api/monitoring/process-definitions/${key}/statistics`)).status,
    ).toBe(404);
    expect(
      (await as.clerk!.get(`/api/monitoring/process-definitions/${key}/statistics`)).status,
    ).toBe(403);
  });
});
