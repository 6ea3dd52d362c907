/**
 * Operations over the Zeebe client: an incident of a failing worker is retried (retries, then
 * resolve) and the instance continues; a running instance is cancelled. Operators of the
 * instance's tenant only (an instance without a case belongs to the canton), CSRF-checked,
 * audited, and a second retry or cancel is a 409 that changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZeebeClient, type ZeebeClient } from '../../../server/src/engine/zeebeClient';
import type { TestServer } from '../../server/support/testServer';
import { Browser } from '../auth/support/browser';
import { PASSWORD, createStaff, member } from '../auth/support/staff';
import { eventually, startPortalServer } from '../catalog/fixtures/portalServer';

const here = path.dirname(fileURLToPath(import.meta.url));

let server: TestServer;
let zeebe: ZeebeClient;
const as: Record<string, Browser> = {};
/** The test's stand-in for a register: down until a test brings it back. */
let registerDown = true;

interface Incident {
  key: string;
  processInstanceKey: string;
  type: string;
  message: string;
  state: string;
  jobKey: string | null;
  owner: { tenantId: string };
}
interface InstanceView {
  instance: { state: string };
  flowNodeInstances: { flowNodeId: string; state: string }[];
  incidents: Incident[];
}

beforeAll(async () => {
  server = await startPortalServer();
  for (const [name, membership] of Object.entries({
    cantonDesigner: member('kanton', ['designer']),
    luzernAdmin: member('luzern', ['admin']),
  })) {
    const staff = await createStaff(server.knex, {
      username: `ops.${name.toLowerCase()}`,
      memberships: [membership],
    });
    as[name] = await new Browser(server.baseUrl).loginOk(staff.username, PASSWORD);
  }
  zeebe = createZeebeClient(server.engineAddress);
  await zeebe.deployResource({
    name: 'ops-flaky.bpmn',
    process: fs.readFileSync(path.join(here, 'ops-flaky.bpmn')),
  });
  zeebe.createWorker({
    taskType: 'ops-flaky-lookup',
    taskHandler: (job) =>
      registerDown
        ? job.fail({ errorMessage: 'register unreachable', retries: job.retries - 1 })
        : job.complete(),
  });
});

afterAll(async () => {
  await zeebe?.close();
  await server?.stop();
});

const instance = async (key: string) =>
  (await (
    await as.cantonDesigner!.get(`/api/monitoring/process-instances/${key}`)
  ).json()) as InstanceView;

async function instanceWithIncident(): Promise<{ instanceKey: string; incident: Incident }> {
  const { processInstanceKey } = await zeebe.createProcessInstance({
    bpmnProcessId: 'ops-flaky',
    variables: {},
  });
  const incident = await eventually(async () => {
    const res = await as.cantonDesigner!.get(
      `/api/monitoring/incidents?state=ACTIVE&processInstanceKey=${processInstanceKey}`,
    );
    const page = (await res.json()) as { items: Incident[] };
    return page.items[0];
  });
  return { instanceKey: processInstanceKey, incident };
}

const retryPath = (instanceKey: string, incidentKey: string) =>
  `/api/operations/process-instances/${instanceKey}/incidents/${incidentKey}/retry`;

describe('retrying an incident', () => {
  it('gives the job retries, resolves the incident, and the instance continues', async () => {
    // given: the register is down, the lookup failed without retries left
    registerDown = true;
    const { instanceKey, incident } = await instanceWithIncident();
    expect(incident).toMatchObject({
      type: 'JOB_NO_RETRIES',
      message: 'register unreachable',
      state: 'ACTIVE',
      jobKey: expect.stringMatching(/^\d+$/),
      owner: { tenantId: 'kanton' },
    });

    // when: the register is back and an operator retries
    registerDown = false;
    const res = await as.cantonDesigner!.post(retryPath(instanceKey, incident.key), {
      body: { retries: 2 },
    });

    // then
    expect(res.status).toBe(204);
    const continued = await eventually(async () => {
      const view = await instance(instanceKey);
      const wait = view.flowNodeInstances.find((n) => n.flowNodeId === 'wait');
      return wait?.state === 'ACTIVE' ? view : undefined;
    });
    expect(continued.instance.state).toBe('ACTIVE');
    expect(continued.incidents.map((i) => i.state)).toEqual(['RESOLVED']);
    const audit = (await server
      .knex('public.audit_log')
      .where({ action: 'incident.retry', object_id: instanceKey })
      .first('tenant_id', 'details')) as { tenant_id: string; details: Record<string, unknown> };
    expect(audit.tenant_id).toBe('kanton');
    expect(audit.details).toMatchObject({ incidentKey: incident.key, retries: 2 });

    // and a second retry is a conflict
    const again = await as.cantonDesigner!.post(retryPath(instanceKey, incident.key));
    expect(again.status).toBe(409);
  });

  it('refuses other tenants’ operators, missing CSRF tokens and bad retries, changing nothing', async () => {
    // given
    registerDown = true;
    const { instanceKey, incident } = await instanceWithIncident();
    const path = retryPath(instanceKey, incident.key);

    // when
    const foreign = await as.luzernAdmin!.post(path);
    const noCsrf = await as.cantonDesigner!.post(path, { noCsrf: true });
    const badRetries = await as.cantonDesigner!.post(path, { body: { retries: 0 } });
    const unknown = await as.cantonDesigner!.post(retryPath(instanceKey, '1'));

    // then
    expect([foreign.status, noCsrf.status, badRetries.status, unknown.status]).toEqual([
      404, 403, 400, 404,
    ]);
    const view = await instance(instanceKey);
    expect(view.incidents.map((i) => i.state)).toEqual(['ACTIVE']);
    expect(
      await server
        .knex('public.audit_log')
        .where({ action: 'incident.retry', object_id: instanceKey }),
    ).toEqual([]);
  });
});

describe('cancelling an instance', () => {
  it('cancels a running instance once, audited', async () => {
    // given
    registerDown = true;
    const { instanceKey } = await instanceWithIncident();

    // when
    const foreign = await as.luzernAdmin!.post(
      `/api/operations/process-instances/${instanceKey}/cancel`,
    );
    const res = await as.cantonDesigner!.post(
      `/api/operations/process-instances/${instanceKey}/cancel`,
    );

    // then
    expect(foreign.status).toBe(404);
    expect(res.status).toBe(204);
    expect((await instance(instanceKey)).instance.state).toBe('CANCELED');
    const again = await as.cantonDesigner!.post(
      `/api/operations/process-instances/${instanceKey}/cancel`,
    );
    expect(again.status).toBe(409);
    const [{ n }] = (await server
      .knex('public.audit_log')
      .where({ action: 'process_instance.cancel', object_id: instanceKey })
      .count({ n: '*' })) as [{ n: number | string }];
    expect(Number(n)).toBe(1);
  });
});
