/**
 * The citizen answers a request of the office over HTTP (citizenRequest.routes.ts): with the
 * case's tracking token, a file for the form's file picker and the form's other data; every
 * other key is the same 404, bad input a 400 that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../documents/fixtures';
import { startCase, startInboxWorld, taskOf, type InboxWorld } from '../tasks/support';

let world: InboxWorld;

beforeAll(async () => {
  world = await startInboxWorld();
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

const requestPath = (reference: string, requestId: string) =>
  `${world.server.baseUrl}/api/portal/cases/${reference}/requests/${requestId}`;

async function answer(
  reference: string,
  requestId: string,
  token: string | undefined,
  parts: { data?: string; file?: Buffer },
): Promise<Response> {
  const form = new FormData();
  if (parts.data !== undefined) form.append('data', parts.data);
  if (parts.file) form.append('file', new Blob([parts.file]), 'police.pdf');
  return fetch(requestPath(reference, requestId), {
    method: 'POST',
    body: form,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

async function state(caseId: string, taskId: string) {
  const task = (await world.server.knex('public.tasks').where({ id: taskId }).first('status')) as {
    status: string;
  };
  const documents = (await world.server
    .knex('public.documents')
    .where({ case_id: caseId })
    .select('id')) as { id: string }[];
  return { task: task.status, documents: documents.length };
}

describe('answering a request from the tracking page', () => {
  it('shows the request with its form to the holder of the tracking token', async () => {
    const given = await startCase(world, { serviceId: 'citizen-proof' });
    const task = await taskOf(world, given.id);

    const res = await fetch(requestPath(given.reference, task.id), {
      headers: { Authorization: `Bearer ${given.token}` },
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as {
      id: string;
      acceptsDocuments: boolean;
      form: { schema: { components: { key?: string }[] } };
    };
    expect(body).toMatchObject({ id: task.id, acceptsDocuments: true });
    expect(body.form.schema.components.map((c) => c.key)).toContain('proofDocuments');
  });

  it('completes the task with the uploaded file in the file picker', async () => {
    // given a case waiting for the citizen's proof
    const given = await startCase(world, { serviceId: 'citizen-proof' });
    const task = await taskOf(world, given.id);

    // when the citizen sends the file and a note
    const res = await answer(given.reference, task.id, given.token, {
      data: JSON.stringify({ note: 'Police 2026' }),
      file: await tinyPdf('Police'),
    });

    // then the task is completed with the stored document, and the request is gone
    expect(res.status, await res.clone().text()).toBe(200);
    const view = (await res.json()) as { openRequests: unknown[]; documents: { kind: string }[] };
    expect(view.openRequests).toEqual([]);
    expect(view.documents.map((d) => d.kind)).toEqual(['upload']);
    expect(await state(given.id, task.id)).toEqual({ task: 'completed', documents: 1 });

    // and a second answer finds nothing open
    const again = await answer(given.reference, task.id, given.token, {
      file: await tinyPdf('Police'),
    });
    expect(again.status).toBe(404);
    expect(await state(given.id, task.id)).toEqual({ task: 'completed', documents: 1 });
  });

  it.each([
    ['no Authorization', undefined, 'own', 401],
    ["another case's token", 'other', 'own', 404],
    ["the request of another case, with this case's token", 'own', 'other', 404],
  ] as const)('refuses %s and changes nothing', async (_name, whose, requestOf, status) => {
    const own = await startCase(world, { serviceId: 'citizen-proof' });
    const other = await startCase(world, { serviceId: 'citizen-proof' });
    const ownTask = await taskOf(world, own.id);
    const otherTask = await taskOf(world, other.id);
    const token = whose === undefined ? undefined : whose === 'own' ? own.token : other.token;
    const taskId = requestOf === 'own' ? ownTask.id : otherTask.id;

    const res = await answer(own.reference, taskId, token, { file: await tinyPdf('Police') });

    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await state(own.id, ownTask.id)).toEqual({ task: 'open', documents: 0 });
    expect(await state(other.id, otherTask.id)).toEqual({ task: 'open', documents: 0 });
  });

  it.each([
    ['data that is not JSON', { data: '{note:' }, 400],
    ['data that is not an object', { data: '[1]' }, 400],
    ['a JSON answer without the required file', 'json', 400],
    [
      'a note longer than the form allows',
      { data: JSON.stringify({ note: 'x'.repeat(201) }) },
      400,
    ],
    ['an unknown field', { data: JSON.stringify({ iban: 'CH93' }) }, 400],
    ['a file that is no allowed type', { file: Buffer.from('just text, no magic number') }, 422],
  ] as const)('refuses %s and changes nothing', async (_name, parts, status) => {
    const given = await startCase(world, { serviceId: 'citizen-proof' });
    const task = await taskOf(world, given.id);

    const res =
      parts === 'json'
        ? await fetch(requestPath(given.reference, task.id), {
            method: 'POST',
            headers: { Authorization: `Bearer ${given.token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ data: { note: 'kommt noch' } }),
          })
        : await answer(given.reference, task.id, given.token, {
            file: await tinyPdf('Police'),
            ...parts,
          });

    expect(res.status, await res.clone().text()).toBe(status);
    expect(await state(given.id, task.id)).toEqual({ task: 'open', documents: 0 });
  });
});
