/**
 * The staff task inbox end to end: a user task of a case's process instance (embedded engine
 * over gRPC) is stored by the server's inbox worker and worked through HTTP — seen only by the
 * right tenant and group, claimed, completed with validated form data, after which the
 * instance continues (the generate-document worker writes the decision, the next job carries
 * the form data) and the case has its milestones.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDeployment } from '../../../server/src/tasks/userTaskDefinitions';
import { bpmn, waitFor } from '../../engine/harness';
import { createGroup, createStaff, member } from '../auth/support/staff';
import { json, nextJob, startCase, startInboxWorld, taskOf, type InboxWorld } from './support';

let world: InboxWorld;

beforeAll(async () => {
  world = await startInboxWorld();
});

afterAll(async () => {
  await world?.stop();
});

interface TaskJson {
  id: string;
  tenantId: string;
  name: string;
  status: string;
  assignee: string | null;
  caseId: string;
  caseReference: string;
  applicantName: string;
  candidateGroups: string[];
  dueDate: string | null;
  variables?: Record<string, unknown>;
  form?: { id: string; schema: { components: unknown[] } } | null;
}

const DUE = '2031-03-31T10:00:00Z';

async function inbox(who: string, query = ''): Promise<TaskJson[]> {
  const res = await (await world.as(who)).get(`/api/tasks${query}`);
  expect(res.status).toBe(200);
  return json<TaskJson[]>(res);
}

const ids = (tasks: { id: string }[]) => tasks.map((task) => task.id);

describe('a user task for the Einwohnerkontrolle of Luzern', () => {
  it('is in the inbox of Luzern clerks of that group only, and nobody else finds it', async () => {
    // given a case of Luzern whose process reached the review task
    const given = await startCase(world, { serviceId: 'task-review', variables: { dueAt: DUE } });
    const stored = await taskOf(world, given.id);

    // then Anna (Luzern, Einwohnerkontrolle) sees it, with its business columns
    const annas = await inbox('anna');
    expect(annas.find((task) => task.id === stored.id)).toMatchObject({
      name: 'Antrag prüfen',
      tenantId: 'luzern',
      caseId: given.id,
      caseReference: given.reference,
      applicantName: 'Lea Keller',
      candidateGroups: ['einwohnerkontrolle'],
      assignee: null,
      dueDate: '2031-03-31T10:00:00.000Z',
      status: 'open',
    });
    // and neither Dario (Eschenbach, same group name) nor Carla (Luzern, another group) does
    expect(ids(await inbox('dario'))).not.toContain(stored.id);
    expect(ids(await inbox('carla'))).not.toContain(stored.id);

    // when each of them asks for it by id
    const read = await (await world.as('anna')).get(`/api/tasks/${stored.id}`);
    const byDario = await (await world.as('dario')).get(`/api/tasks/${stored.id}`);
    const byCarla = await (await world.as('carla')).get(`/api/tasks/${stored.id}`);
    const byNobody = await world.anonymous().get(`/api/tasks/${stored.id}`);

    // then only Anna gets it — with the form and the variables the form shows
    expect(read.status).toBe(200);
    const task = await json<TaskJson>(read);
    expect(task.form).toMatchObject({ id: 'task-review-decision' });
    expect(task.form?.schema.components).toHaveLength(3);
    expect(task.variables).toEqual({ applicantName: 'Lea Keller' });
    expect([byDario.status, byCarla.status, byNobody.status]).toEqual([404, 404, 401]);
    expect((await json(byDario)).title).toBe('Nicht gefunden');
  });

  it('is claimed, completed with validated form data, and the process goes on', async () => {
    // given the review task of a case
    const given = await startCase(world, { serviceId: 'task-review', variables: { dueAt: DUE } });
    const { id } = await taskOf(world, given.id);
    const anna = await world.as('anna');
    const beat = await world.as('beat');

    // when Anna completes it without claiming it first, it is refused
    expect((await anna.post(`/api/tasks/${id}/complete`, { body: { data: {} } })).status).toBe(409);

    // when Anna claims it, it is hers, and Beat can no longer claim it
    const claimed = await anna.post(`/api/tasks/${id}/claim`);
    expect(claimed.status).toBe(200);
    expect(await json(claimed)).toMatchObject({ assignee: 'anna' });
    expect((await beat.post(`/api/tasks/${id}/claim`)).status).toBe(409);
    expect(ids(await inbox('anna', `?filter=${encodeURIComponent('{"view":"mine"}')}`))).toContain(
      id,
    );

    // when she sends data the form does not allow, nothing happens
    const invalid = await anna.post(`/api/tasks/${id}/complete`, {
      body: { data: { decision: 'maybe', remark: 'x'.repeat(101), tenantId: 'eschenbach' } },
    });
    expect(invalid.status).toBe(400);
    const problem = await json<{ errors: { field: string }[] }>(invalid);
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['decision', 'remark', 'tenantId']);
    const missing = await anna.post(`/api/tasks/${id}/complete`, { body: { data: {} } });
    expect(await json(missing)).toMatchObject({ errors: [{ field: 'decision' }] });
    expect((await taskOf(world, given.id)).status).toBe('open');

    // and without the CSRF token her request is refused
    const forged = await anna.post(`/api/tasks/${id}/complete`, {
      body: { data: { decision: 'approved' } },
      noCsrf: true,
    });
    expect(forged.status).toBe(403);

    // when she completes it with valid data
    const completed = await anna.post(`/api/tasks/${id}/complete`, {
      body: { data: { decision: 'approved', remark: 'Alles in Ordnung' } },
    });

    // then the task is completed (the engine acknowledged) and leaves the inbox
    expect(completed.status).toBe(200);
    expect(await json(completed)).toMatchObject({ status: 'completed', assignee: 'anna' });
    expect(ids(await inbox('anna'))).not.toContain(id);
    // and the process went on: the decision letter was generated, the next job has the data
    const job = await nextJob(world, 'task-review-done', given.processInstanceKey);
    expect(job.variables).toMatchObject({ decision: 'approved', remark: 'Alles in Ordnung' });
    const document = await world.server
      .knex('public.documents')
      .where({ id: job.variables.decisionDocumentId as string })
      .first();
    expect(document).toMatchObject({
      case_id: given.id,
      kind: 'decision',
      media_type: 'application/pdf',
    });
    // and the case reached both milestones, the output is kept with the case
    const milestones = await world.server
      .knex('public.case_milestones')
      .where({ case_id: given.id })
      .pluck('milestone_id');
    expect(milestones.sort()).toEqual(['in-review', 'reviewed']);
    const output = await world.server
      .knex('public.case_variables')
      .where({ case_id: given.id })
      .pluck('name');
    expect(output.sort()).toEqual(['decision', 'remark']);
    // and completing again answers the same (a retried request), others get a conflict
    expect((await anna.post(`/api/tasks/${id}/complete`, { body: { data: {} } })).status).toBe(200);
    expect((await beat.post(`/api/tasks/${id}/claim`)).status).toBe(409);
  });

  it('is handed to a colleague of the group, given back, and commented on', async () => {
    // given a task Anna claimed
    const given = await startCase(world, { serviceId: 'task-review', variables: { dueAt: DUE } });
    const { id } = await taskOf(world, given.id);
    const anna = await world.as('anna');
    const beat = await world.as('beat');
    await anna.post(`/api/tasks/${id}/claim`);

    // when she assigns it to people outside its candidate groups, it is refused
    for (const assignee of ['carla', 'dario', 'nobody']) {
      const res = await anna.post(`/api/tasks/${id}/assign`, { body: { assignee } });
      expect(res.status, assignee).toBe(400);
    }
    // when she assigns it to Beat, it is his
    const assigned = await anna.post(`/api/tasks/${id}/assign`, { body: { assignee: 'beat' } });
    expect(await json(assigned)).toMatchObject({ assignee: 'beat' });
    // and only he (or an administrator) can give it back
    expect((await anna.post(`/api/tasks/${id}/unclaim`)).status).toBe(409);
    const returned = await beat.post(`/api/tasks/${id}/unclaim`);
    expect(await json(returned)).toMatchObject({ assignee: null });

    // when Beat comments on it, Anna reads the comment and Dario finds nothing
    const posted = await beat.post(`/api/tasks/${id}/comments`, {
      body: { body: 'Bitte Mietvertrag prüfen.' },
    });
    expect(posted.status).toBe(201);
    const comments = await json<{ body: string; author: { name: string } }[]>(
      await anna.get(`/api/tasks/${id}/comments`),
    );
    expect(comments).toMatchObject([
      { body: 'Bitte Mietvertrag prüfen.', author: { name: 'Test beat' } },
    ]);
    expect((await (await world.as('dario')).get(`/api/tasks/${id}/comments`)).status).toBe(404);
    expect((await anna.post(`/api/tasks/${id}/comments`, { body: { body: '' } })).status).toBe(400);

    // and every change is in the audit log
    const actions = await world.server
      .knex('public.audit_log')
      .where({ object_type: 'task', object_id: id })
      .pluck('action');
    expect(actions).toEqual(
      expect.arrayContaining(['task.claim', 'task.assign', 'task.unclaim', 'task.comment']),
    );
  });
});

describe('the inbox list', () => {
  const caseIds: string[] = [];
  let applicantTask = '';

  beforeAll(async () => {
    // given five tasks with due dates one day apart, one of them for applicant Zora Zumstein
    for (let day = 1; day <= 5; day += 1) {
      const given = await startCase(world, {
        serviceId: 'task-review',
        applicantName: day === 3 ? 'Zora Zumstein' : 'Lea Keller',
        variables: { dueAt: `2030-0${day}-15T08:00:00Z` },
      });
      caseIds.push(given.id);
    }
    for (const caseId of caseIds) await taskOf(world, caseId);
    applicantTask = (await taskOf(world, caseIds[2]!)).id;
  });

  const filter = (value: object) => `filter=${encodeURIComponent(JSON.stringify(value))}`;
  const dueBefore = filter({ dueBefore: '2030-12-31T00:00:00Z' });

  it('pages by keyset: Content-Range without a total, X-Next-Cursor to the next page', async () => {
    const anna = await world.as('anna');
    // when Anna reads her inbox two tasks at a time, earliest due first
    const first = await anna.get(
      `/api/tasks?${dueBefore}&sort=${encodeURIComponent('["dueDate","ASC"]')}&range=[0,1]`,
    );
    // then the first page says what it holds, but counts nothing
    expect(first.headers.get('content-range')).toBe('tasks 0-1/*');
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toBeTruthy();
    const pages = [await json<TaskJson[]>(first)];
    // and following the cursor walks through all five, in order, and stops
    let next = cursor;
    while (next) {
      const res = await anna.get(
        `/api/tasks?${dueBefore}&sort=${encodeURIComponent('["dueDate","ASC"]')}&range=[0,1]&cursor=${next}`,
      );
      pages.push(await json<TaskJson[]>(res));
      next = res.headers.get('x-next-cursor');
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const dues = pages.flat().map((task) => task.dueDate);
    expect(dues).toEqual([...dues].sort());
    expect(new Set(pages.flat().map((task) => task.caseId))).toEqual(new Set(caseIds));

    // and the same list backwards, by offset, gives the latest first
    const latest = await json<TaskJson[]>(
      await anna.get(
        `/api/tasks?${dueBefore}&sort=${encodeURIComponent('["dueDate","DESC"]')}&range=[1,2]`,
      ),
    );
    expect(latest.map((task) => task.dueDate)).toEqual([
      '2030-04-15T08:00:00.000Z',
      '2030-03-15T08:00:00.000Z',
    ]);
  });

  it.each([
    [
      'q: a word of the applicant',
      { q: 'zum' },
      (found: string[]) => expect(found).toEqual([applicantTask]),
    ],
    [
      'due after',
      { dueAfter: '2030-04-01T00:00:00Z', dueBefore: '2030-12-31T00:00:00Z' },
      (found: string[]) => expect(found).toHaveLength(2),
    ],
    ['service', { serviceId: 'citizen-proof' }, (found: string[]) => expect(found).toEqual([])],
    [
      'unassigned',
      { view: 'unassigned', dueBefore: '2030-12-31T00:00:00Z' },
      (found: string[]) => expect(found).toHaveLength(5),
    ],
  ])('filters by %s', async (_what, value, expectation) => {
    expectation(ids(await inbox('anna', `?${filter(value)}`)));
  });

  it('shows administrators every task of their tenant, and refuses "all" to clerks', async () => {
    const all = ids(
      await inbox('erika', `?${filter({ view: 'all', dueBefore: '2030-12-31T00:00:00Z' })}`),
    );
    expect(all).toHaveLength(5);
    const refused = await (await world.as('anna')).get(`/api/tasks?${filter({ view: 'all' })}`);
    expect(refused.status).toBe(403);
  });

  it.each([
    ['an unknown filter', `?${filter({ password: 'x' })}`],
    ['an unknown sort field', `?sort=${encodeURIComponent('["name","ASC"]')}`],
    ['a page too large', '?range=[0,500]'],
    ['a forged cursor', '?cursor=bm90LWEtY3Vyc29y'],
  ])('answers 400 to %s', async (_what, query) => {
    expect((await (await world.as('anna')).get(`/api/tasks${query}`)).status).toBe(400);
  });
});

describe('a member of several tenants', () => {
  it('sees the tasks of each tenant in the group it belongs to there', async () => {
    // given Fritz, in Einwohnerkontrolle of Luzern and Eschenbach, and a task of each tenant
    await createStaff(world.server.knex, {
      username: 'fritz',
      memberships: [
        member('luzern', ['clerk'], ['einwohnerkontrolle']),
        member('eschenbach', ['clerk'], ['einwohnerkontrolle']),
      ],
    });
    const luzern = await startCase(world, { serviceId: 'task-review', variables: { dueAt: DUE } });
    const eschenbach = await startCase(world, {
      serviceId: 'task-review',
      tenantId: 'eschenbach',
      variables: { dueAt: DUE },
    });
    const tasks = [await taskOf(world, luzern.id), await taskOf(world, eschenbach.id)];

    // then his inbox has both, Anna's only Luzern's
    expect(ids(await inbox('fritz'))).toEqual(expect.arrayContaining(ids(tasks)));
    expect(ids(await inbox('anna'))).not.toContain(tasks[1]!.id);
    expect(
      ids(await inbox('fritz', `?filter=${encodeURIComponent('{"tenantId":"eschenbach"}')}`)),
    ).toEqual([tasks[1]!.id]);
  });
});

describe('a process deployed outside the catalog (e.g. by the designer)', () => {
  it('gets its task names and embedded form from the recorded deployment', async () => {
    // given a process with an embedded form, deployed and recorded as the deployer does it
    const resources = [
      {
        name: 'embedded-form.bpmn',
        content: fs.readFileSync(bpmn(import.meta.url, 'embedded-form.bpmn')),
      },
    ];
    const response = await world.zeebe.deployResources(
      resources.map((r) => ({ name: r.name, process: r.content })),
    );
    await recordDeployment(world.server.knex, response, resources);
    await recordDeployment(world.server.knex, response, resources); // idempotent

    // when an instance reaches its user task
    const given = await startCase(world, {
      serviceId: 'task-review',
      bpmnProcessId: 'embedded-check',
    });
    const { id } = await taskOf(world, given.id);

    // then the task has the element's name and the embedded form; its candidate user sees it
    const read = await json<TaskJson>(await (await world.as('carla')).get(`/api/tasks/${id}`));
    expect(read).toMatchObject({
      name: 'Angaben "kontrollieren"',
      form: { id: 'embedded-check-form' },
    });
    // and the form decides what completes it
    const anna = await world.as('anna');
    await anna.post(`/api/tasks/${id}/claim`);
    const refused = await anna.post(`/api/tasks/${id}/complete`, {
      body: { data: { complete: 'yes' } },
    });
    expect(refused.status).toBe(400);
    const done = await anna.post(`/api/tasks/${id}/complete`, {
      body: { data: { complete: true } },
    });
    expect(await json(done)).toMatchObject({ status: 'completed' });
  });
});

describe('a consultation of a cantonal office', () => {
  it('is a task of the canton for the office named as `kanton:<group>`', async () => {
    // given a consultation instance of a Luzern case, started by message without the case id
    const resources = [
      {
        name: 'consultation.bpmn',
        content: fs.readFileSync(bpmn(import.meta.url, 'consultation.bpmn')),
      },
    ];
    const response = await world.zeebe.deployResources(
      resources.map((r) => ({ name: r.name, process: r.content })),
    );
    await recordDeployment(world.server.knex, response, resources);
    await createGroup(world.server.knex, 'kanton', 'raum-und-wirtschaft');
    await createStaff(world.server.knex, {
      username: 'gabi',
      memberships: [member('kanton', ['clerk'], ['raum-und-wirtschaft'])],
    });
    const started = await world.zeebe.createProcessInstance({
      bpmnProcessId: 'office-consultation',
      variables: {
        caseReference: 'LU-2026-999001',
        applicantName: 'Bauherrschaft Muster',
        office: 'raum-und-wirtschaft',
        replyTenantId: 'luzern',
      },
    });
    const task = await waitFor(
      async () =>
        (await world.server
          .knex('public.tasks')
          .where({ process_instance_key: started.processInstanceKey })
          .first()) as { id: string } | undefined,
    );

    // then the canton's office sees it with the case's reference; Luzern's clerks do not
    const read = await json<TaskJson>(await (await world.as('gabi')).get(`/api/tasks/${task.id}`));
    expect(read).toMatchObject({
      tenantId: 'kanton',
      name: 'Stellungnahme verfassen',
      candidateGroups: ['raum-und-wirtschaft'],
      caseId: null,
      caseReference: 'LU-2026-999001',
    });
    expect((await (await world.as('anna')).get(`/api/tasks/${task.id}`)).status).toBe(404);
  });
});
