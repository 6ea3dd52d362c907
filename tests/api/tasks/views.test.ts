/**
 * Saved inbox views (server/src/views): a clerk saves a filter and sort of her inbox, shares it
 * with her group; colleagues of the group use it, nobody else sees it, and only she changes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startInboxWorld, type InboxWorld } from './support';

let world: InboxWorld;

beforeAll(async () => {
  world = await startInboxWorld();
});

afterAll(async () => {
  await world?.stop();
});

interface ViewJson {
  id: string;
  name: string;
  tenantId: string;
  filter: Record<string, unknown>;
  sort: [string, string];
  sharedWithGroup: string | null;
  owner: { displayName: string };
  mine: boolean;
}

const overdue = {
  name: 'Überfällige Wohnsitzbestätigungen',
  filter: { view: 'groups', serviceId: 'residence-certificate', dueBefore: '2026-12-01T00:00:00Z' },
  sort: ['dueDate', 'ASC'],
};

async function views(who: string): Promise<ViewJson[]> {
  const res = await (await world.as(who)).get('/api/task-views');
  expect(res.status).toBe(200);
  return json<ViewJson[]>(res);
}

describe('saved inbox views', () => {
  it('are saved by a clerk, shared with her group, and seen by nobody else', async () => {
    // when Anna saves a view shared with the Einwohnerkontrolle
    const anna = await world.as('anna');
    const created = await anna.post('/api/task-views', {
      body: { ...overdue, sharedWithGroup: 'einwohnerkontrolle' },
    });

    // then it is kept with her filter, sort and tenant
    expect(created.status).toBe(201);
    const view = await json<ViewJson>(created);
    expect(view).toMatchObject({
      ...overdue,
      tenantId: 'luzern',
      sharedWithGroup: 'einwohnerkontrolle',
      owner: { displayName: 'Test anna' },
      mine: true,
    });
    // and Beat, of the same group, sees it as someone else's
    expect((await views('beat')).find((v) => v.id === view.id)).toMatchObject({ mine: false });
    // and Carla (another group) and Dario (Eschenbach) neither list nor read it
    expect((await views('carla')).map((v) => v.id)).not.toContain(view.id);
    expect((await views('dario')).map((v) => v.id)).not.toContain(view.id);
    const byDario = await (await world.as('dario')).get(`/api/task-views/${view.id}`);
    expect(byDario.status).toBe(404);

    // when Beat tries to change or delete it, he is refused and it stays
    const beat = await world.as('beat');
    const changed = await beat.put(`/api/task-views/${view.id}`, { body: { name: 'Meine' } });
    const deleted = await beat.delete(`/api/task-views/${view.id}`);
    expect([changed.status, deleted.status]).toEqual([403, 403]);
    expect((await views('anna')).find((v) => v.id === view.id)?.name).toBe(overdue.name);
  });

  it('are changed and deleted by their owner', async () => {
    // given a private view of Anna's
    const anna = await world.as('anna');
    const view = await json<ViewJson>(
      await anna.post('/api/task-views', { body: { name: 'Meine', filter: { view: 'mine' } } }),
    );
    expect(view).toMatchObject({ sharedWithGroup: null, sort: ['dueDate', 'ASC'] });
    expect((await views('beat')).map((v) => v.id)).not.toContain(view.id);

    // when she renames it and sorts by creation
    const renamed = await anna.put(`/api/task-views/${view.id}`, {
      body: { name: 'Meine neuesten', filter: { view: 'mine' }, sort: ['createdAt', 'DESC'] },
    });

    // then it is changed
    expect(renamed.status).toBe(200);
    expect(await json(renamed)).toMatchObject({
      name: 'Meine neuesten',
      sort: ['createdAt', 'DESC'],
    });

    // when she deletes it, it is gone
    expect((await anna.delete(`/api/task-views/${view.id}`)).status).toBe(200);
    expect((await anna.get(`/api/task-views/${view.id}`)).status).toBe(404);
  });

  it.each([
    ['no name', { filter: {} }, 'name'],
    ['an unknown inbox view', { name: 'x', filter: { view: 'everything' } }, 'filter.view'],
    ['an unknown filter', { name: 'x', filter: { colour: 'red' } }, 'filter.colour'],
    ['a sort field the inbox has not', { name: 'x', sort: ['applicant', 'ASC'] }, 'sort.0'],
    ['a group she is not in', { name: 'x', sharedWithGroup: 'baugesuche' }, 'sharedWithGroup'],
    ['a tenant she does not work in', { name: 'x', tenantId: 'eschenbach' }, 'tenantId'],
  ])('refuse %s with 400 and keep nothing', async (_case, body, field) => {
    const anna = await world.as('anna');
    const before = (await views('anna')).length;
    const res = await anna.post('/api/task-views', { body });
    expect(res.status).toBe(400);
    const problem = await json<{ errors: { field: string }[] }>(res);
    expect(problem.errors.map((e) => e.field)).toContain(field);
    expect((await views('anna')).length).toBe(before);
  });

  it('refuse a second view of the same name (409) and a write without CSRF token (403)', async () => {
    const anna = await world.as('anna');
    const body = { name: 'Doppelt' };
    expect((await anna.post('/api/task-views', { body })).status).toBe(201);
    const twice = await anna.post('/api/task-views', { body });
    expect(twice.status).toBe(409);
    expect((await json(twice)).title).toBe('Konflikt');
    const forged = await anna.post('/api/task-views', { body: { name: 'Ohne' }, noCsrf: true });
    expect(forged.status).toBe(403);
    expect((await views('anna')).filter((v) => v.name === 'Ohne')).toEqual([]);
  });
});
