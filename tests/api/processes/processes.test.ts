/**
 * The process library over HTTP against the whole server (engine over gRPC, real database)
 * with the catalog of `./workflows` (deployed by the server at start as version 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkClient, waitFor, type ZeebeGrpcClient } from '../../engine/harness';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { Browser } from '../auth/support/browser';
import { PASSWORD, createStaff, member } from '../auth/support/staff';

const WORKFLOWS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workflows');
const BPMN_NAME = 'permit-review.bpmn';
const BPMN = fs.readFileSync(path.join(WORKFLOWS_DIR, 'permit-review', BPMN_NAME), 'utf8');
const RENAMED = BPMN.replace('name="Gesuch prüfen"', 'name="Gesuch beurteilen"');
/** The service task without its zeebe:taskDefinition: the engine rejects it. */
const BROKEN = BPMN.replace(/<zeebe:taskDefinition type="permit-review-notify" \/>/, '');

interface Version {
  version: number;
  source: string;
  comment: string | null;
  latest: boolean;
  deployedBy: { displayName: string } | null;
}

let server: TestServer;
let zeebe: ZeebeGrpcClient;
const browsers = new Map<string, Browser>();

async function as(username: string): Promise<Browser> {
  let browser = browsers.get(username);
  if (!browser) {
    browser = await new Browser(server.baseUrl).loginOk(username, PASSWORD);
    browsers.set(username, browser);
  }
  return browser;
}

async function detail(username: string) {
  const res = await (await as(username)).get('/api/processes/permit-review');
  expect(res.status).toBe(200);
  return (await res.json()) as {
    latestVersion: number;
    versions: Version[];
    draft: { revision: number; outdated: boolean } | null;
  };
}

async function saveDraft(username: string, revision: number, content: string) {
  return (await as(username)).put('/api/processes/permit-review/draft', {
    body: { revision, resources: [{ name: BPMN_NAME, content }] },
  });
}

async function deploy(username: string, body: Record<string, unknown>) {
  return (await as(username)).post('/api/processes/permit-review/deployments', { body });
}

beforeAll(async () => {
  server = await startTestServer({ WORKFLOWS_DIR });
  await createStaff(server.knex, {
    username: 'dora',
    memberships: [member('luzern', ['designer'])],
  });
  await createStaff(server.knex, { username: 'emil', memberships: [member('luzern', ['admin'])] });
  await createStaff(server.knex, { username: 'anna', memberships: [member('luzern', ['clerk'])] });
  zeebe = sdkClient(server.engineAddress);
  await waitFor(
    async () => (await server.knex('public.service_deployments').first('service_id')) ?? undefined,
    { timeoutMs: 20_000 },
  );
}, 60_000);

afterAll(async () => {
  await zeebe?.close();
  await server?.stop();
});

describe('the process library', () => {
  it('lists the catalog’s services with the version deployed at start', async () => {
    const res = await (await as('dora')).get('/api/processes');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe('processes 0-0/1');
    expect(await res.json()).toEqual([
      expect.objectContaining({
        id: 'permit-review',
        bpmnProcessId: 'permit-review',
        latestVersion: 1,
        deployedBy: null,
        hasDraft: false,
      }),
    ]);
    const one = await detail('dora');
    expect(one.versions).toEqual([
      expect.objectContaining({ version: 1, source: 'catalog', latest: true, deployedBy: null }),
    ]);
  });

  it('is for designers and administrators only', async () => {
    expect((await (await as('anna')).get('/api/processes')).status).toBe(403);
    expect((await new Browser(server.baseUrl).get('/api/processes')).status).toBe(401);
    expect((await (await as('dora')).get('/api/processes/no-such-service')).status).toBe(404);
  });

  it('opens the latest version’s files when there is no draft', async () => {
    const res = await (await as('dora')).get('/api/processes/permit-review/model');
    const model = (await res.json()) as { source: string; revision: number; resources: unknown[] };
    expect(model.source).toBe('version');
    expect(model.revision).toBe(0);
    expect(model.resources).toEqual(
      expect.arrayContaining([{ name: BPMN_NAME, kind: 'process', content: BPMN }]),
    );
  });

  it('saves drafts with optimistic concurrency', async () => {
    // given a new draft
    const first = await saveDraft('dora', 0, RENAMED);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { revision: number }).revision).toBe(1);
    // when a second window saves over revision 0 again
    const stale = await saveDraft('dora', 0, BPMN);
    // then it is refused and the draft keeps the first save
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    const model = (await (
      await (await as('dora')).get('/api/processes/permit-review/model')
    ).json()) as {
      source: string;
      revision: number;
      resources: { name: string; content: string }[];
    };
    expect(model.source).toBe('draft');
    expect(model.revision).toBe(1);
    expect(model.resources.find((r) => r.name === BPMN_NAME)?.content).toBe(RENAMED);
    // a file the service does not have is refused
    const unknown = await (
      await as('dora')
    ).put('/api/processes/permit-review/draft', {
      body: { revision: 1, resources: [{ name: 'other.bpmn', content: BPMN }] },
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: unknown[] }).errors).toEqual([
      { field: 'resources.0.name', message: 'is not a file of this service' },
    ]);
  });

  it('summarises the draft’s changes against the deployed version', async () => {
    const res = await (await as('dora')).get('/api/processes/permit-review/draft/changes');
    expect(await res.json()).toEqual({
      latestVersion: 1,
      outdated: false,
      resources: [{ name: BPMN_NAME, kind: 'process', change: 'changed' }],
      elements: [
        {
          resource: BPMN_NAME,
          id: 'review',
          type: 'bpmn:UserTask',
          name: 'Gesuch beurteilen',
          change: 'changed',
          previousName: 'Gesuch prüfen',
          properties: ['name'],
        },
      ],
    });
  });

  it('deploys the draft with a comment: a new version, recorded, audited', async () => {
    // a stale revision or a missing comment deploy nothing
    expect((await deploy('dora', { comment: 'x', revision: 7 })).status).toBe(409);
    expect((await deploy('dora', { comment: ' ', revision: 1 })).status).toBe(400);
    // when
    const res = await deploy('dora', { comment: 'Aufgabe umbenannt', revision: 1 });
    // then
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual(
      expect.objectContaining({
        version: 2,
        source: 'designer',
        comment: 'Aufgabe umbenannt',
        latest: true,
        created: true,
        deployedBy: expect.objectContaining({ displayName: 'Test dora' }),
      }),
    );
    const after = await detail('dora');
    expect(after.versions.map((v) => [v.version, v.source, v.latest])).toEqual([
      [2, 'designer', true],
      [1, 'catalog', false],
    ]);
    expect(after.draft).toBeNull();
    // the engine starts the new version, and the inbox knows the task's new name
    const started = await zeebe.createProcessInstance({
      bpmnProcessId: 'permit-review',
      variables: {},
    });
    expect(started.version).toBe(2);
    const definition = (await server
      .knex('public.task_definitions')
      .where({ bpmn_process_id: 'permit-review', version: 2, element_id: 'review' })
      .first('name')) as { name: string } | undefined;
    expect(definition?.name).toBe('Gesuch beurteilen');
    const audit = await server.knex('public.audit_log').where({ action: 'process.deploy' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toEqual(
      expect.objectContaining({ object_id: 'permit-review', tenant_id: 'luzern' }),
    );
  });

  it('answers the engine’s rejection as 422 naming the element, and changes nothing', async () => {
    // given a draft whose service task has no job type
    expect((await saveDraft('dora', 0, BROKEN)).status).toBe(200);
    // when
    const res = await deploy('dora', { comment: 'kaputt', revision: 1 });
    // then
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { title: string; errors: unknown[] };
    expect(problem.title).toBe('Modell abgelehnt');
    expect(problem.errors).toEqual([
      {
        field: `${BPMN_NAME}#notify`,
        resource: BPMN_NAME,
        elementId: 'notify',
        message: "Must have exactly one 'zeebe:taskDefinition' extension element",
      },
    ]);
    const after = await detail('dora');
    expect(after.latestVersion).toBe(2);
    expect(after.draft?.revision).toBe(1);
    expect(
      await server.knex('public.audit_log').where({ action: 'process.deploy_rejected' }),
    ).toHaveLength(1);
    const discarded = await (await as('dora')).delete('/api/processes/permit-review/draft');
    expect(discarded.status).toBe(204);
  });

  it('refuses to overwrite a version deployed after the draft began, unless told to', async () => {
    // given Emil's draft started from version 2
    expect((await saveDraft('emil', 0, BPMN)).status).toBe(200);
    // and Dora deploys version 3 meanwhile
    expect(
      (await saveDraft('dora', 0, RENAMED.replace('name="Erledigt"', 'name="Fertig"'))).status,
    ).toBe(200);
    expect((await deploy('dora', { comment: 'Ende umbenannt', revision: 1 })).status).toBe(201);
    // when Emil deploys
    const refused = await deploy('emil', { comment: 'zurück', revision: 1 });
    // then he is told, and may overwrite knowingly
    expect(refused.status).toBe(409);
    expect((await detail('emil')).draft).toEqual(expect.objectContaining({ outdated: true }));
    const overwritten = await deploy('emil', { comment: 'zurück', revision: 1, overwrite: true });
    expect(overwritten.status).toBe(201);
    expect(((await overwritten.json()) as Version).version).toBe(4);
  });

  it('demands the CSRF token for writes', async () => {
    const res = await (
      await as('dora')
    ).put('/api/processes/permit-review/draft', {
      body: { revision: 0, resources: [{ name: BPMN_NAME, content: BPMN }] },
      noCsrf: true,
    });
    expect(res.status).toBe(403);
  });
});
