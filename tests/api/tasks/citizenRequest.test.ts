/**
 * Requests to the citizen: a user task for the candidate group `citizen` is not a staff task
 * but a request on the citizen's tracking page, answered through `CitizenRequestService`
 * (what the citizen portal calls) with form data and uploaded documents; the answer completes
 * the job and the process goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { CaseService } from '../../../server/src/cases/case.service';
import { DocumentService } from '../../../server/src/documents/document.service';
import { HttpError } from '../../../server/src/http/errors';
import { CatalogService } from '../../../server/src/services/catalog.service';
import { createTaskDomain, type TaskDomain } from '../../../server/src/tasks/taskDomain';
import { tinyPdf } from '../documents/fixtures';
import {
  WORKFLOWS_DIR,
  json,
  nextJob,
  startCase,
  startInboxWorld,
  taskOf,
  type InboxWorld,
} from './support';

let world: InboxWorld;
let domain: TaskDomain;
let documents: DocumentService;

beforeAll(async () => {
  world = await startInboxWorld();
  const { knex } = world.server;
  const audit = new AuditService(knex);
  const catalog = new CatalogService(knex, WORKFLOWS_DIR);
  catalog.load();
  // The citizen portal's view of the task domain, on the server's database and engine.
  domain = createTaskDomain({
    knex,
    audit,
    engine: () => world.zeebe,
    cases: new CaseService(knex, catalog, audit),
  });
  documents = new DocumentService(knex, audit, {
    maxDocumentsPerCase: 20,
    maxBytesPerCase: 10_000_000,
  });
});

afterAll(async () => {
  await world?.stop();
});

async function upload(caseId: string, tenantId = 'luzern') {
  return documents.store(
    {
      tenantId,
      caseId,
      kind: 'upload',
      content: await tinyPdf('Police'),
      originalName: 'police.pdf',
    },
    { actor: { type: 'citizen', id: caseId } },
  );
}

async function rejection(call: Promise<unknown>): Promise<HttpError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe('a user task for the citizen', () => {
  it('is a request on the tracking page, never a staff task, and the answer completes it', async () => {
    // given a case whose process asks the citizen for a proof
    const given = await startCase(world, { serviceId: 'citizen-proof' });
    const task = await taskOf(world, given.id);
    expect(task.audience).toBe('citizen');

    // then no staff member sees it, not even an administrator of the tenant
    for (const who of ['anna', 'erika']) {
      const browser = await world.as(who);
      const listed = await json<{ id: string }[]>(await browser.get('/api/tasks'));
      expect(listed.map((t) => t.id)).not.toContain(task.id);
      expect((await browser.get(`/api/tasks/${task.id}`)).status).toBe(404);
    }
    // and the citizen's tracking page shows it as an open request; the case waits for them
    const tracking = await world.anonymous().get(`/api/portal/cases/${given.reference}`, {
      headers: { Authorization: `Bearer ${given.token}` },
    });
    expect(tracking.status).toBe(200);
    expect(await json(tracking)).toMatchObject({
      openRequests: [{ id: task.id, title: { de: 'Nachweis hochladen' }, kind: 'upload' }],
    });
    expect(await world.server.knex('public.cases').where({ id: given.id }).first('status')).toEqual(
      {
        status: 'waiting_for_citizen',
      },
    );
    // and the portal's service lists it with its form and what the form shows
    const [request] = await domain.citizenRequests.listOpenRequests(given.id);
    expect(request).toMatchObject({
      id: task.id,
      name: 'Nachweis hochladen',
      acceptsDocuments: true,
      form: { id: 'citizen-proof-upload' },
      variables: { caseReference: given.reference },
    });

    // when the citizen answers without the required document, or with another case's
    const missing = await rejection(
      domain.citizenRequests.completeCitizenRequest({
        caseId: given.id,
        taskId: task.id,
        data: {},
      }),
    );
    expect(missing).toMatchObject({ status: 400, errors: [{ field: 'proofDocuments' }] });
    const other = await startCase(world, { serviceId: 'citizen-proof' });
    const foreign = await upload(other.id);
    const stolen = await rejection(
      domain.citizenRequests.completeCitizenRequest({
        caseId: given.id,
        taskId: task.id,
        data: {},
        documents: [foreign.id],
      }),
    );
    expect(stolen).toMatchObject({ status: 400, errors: [{ field: 'documents' }] });
    // or answers it through another case, nothing is found
    const elsewhere = await rejection(
      domain.citizenRequests.completeCitizenRequest({
        caseId: other.id,
        taskId: task.id,
        data: {},
      }),
    );
    expect(elsewhere.status).toBe(404);

    // when the citizen answers with an uploaded proof
    const proof = await upload(given.id);
    await domain.citizenRequests.completeCitizenRequest({
      caseId: given.id,
      taskId: task.id,
      data: { note: 'Police der Mobiliar' },
      documents: [proof.id],
    });

    // then the request is done, the process went on with the answer
    expect(await domain.citizenRequests.listOpenRequests(given.id)).toEqual([]);
    const job = await nextJob(world, 'citizen-proof-done', given.processInstanceKey);
    expect(job.variables).toMatchObject({
      proofDocuments: [proof.id],
      note: 'Police der Mobiliar',
    });
    // and the case reached both milestones and is in progress again
    const milestones = await world.server
      .knex('public.case_milestones')
      .where({ case_id: given.id })
      .pluck('milestone_id');
    expect(milestones.sort()).toEqual(['proof-received', 'proof-requested']);
    expect(await world.server.knex('public.cases').where({ id: given.id }).first('status')).toEqual(
      {
        status: 'in_progress',
      },
    );
    // and answering twice is refused
    const again = await rejection(
      domain.citizenRequests.completeCitizenRequest({
        caseId: given.id,
        taskId: task.id,
        data: {},
        documents: [proof.id],
      }),
    );
    expect(again.status).toBe(409);
  });
});
