/**
 * The staff case page lists the case's tasks from the task inbox: staff tasks and requests to
 * the citizen (a user task for the candidate group `citizen`), each with its state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startCase, startInboxWorld, taskOf, type InboxWorld } from './support';

let world: InboxWorld;

beforeAll(async () => {
  world = await startInboxWorld();
});

afterAll(async () => {
  await world?.stop();
});

interface CaseOfTest {
  tasks: { id: string; name: string; status: string; audience: string }[];
  openRequests: { id: string; title: { de: string } }[];
}

describe('the tasks of a case', () => {
  it('lists the staff task with its state', async () => {
    // given a case whose review task is open
    const given = await startCase(world, {
      serviceId: 'task-review',
      variables: { dueAt: '2031-03-31T10:00:00Z' },
    });
    const task = await taskOf(world, given.id);

    // when the clerk opens the case
    const view = await json<CaseOfTest>(
      await (await world.as('anna')).get(`/api/cases/${given.id}`),
    );

    // then its task is listed, open, as a staff task
    expect(view.tasks).toEqual([
      expect.objectContaining({
        id: task.id,
        name: 'Antrag prüfen',
        status: 'open',
        audience: 'staff',
      }),
    ]);
    expect(view.openRequests).toEqual([]);
  });

  it('lists a request to the citizen with its state, and as an open request', async () => {
    // given a case whose process asks the citizen for a proof
    const given = await startCase(world, { serviceId: 'citizen-proof' });
    const request = await taskOf(world, given.id);
    expect(request.audience).toBe('citizen');

    // when the clerk opens the case
    const view = await json<CaseOfTest>(
      await (await world.as('anna')).get(`/api/cases/${given.id}`),
    );

    // then the request is there with its state, and among the open requests
    expect(view.tasks).toEqual([
      expect.objectContaining({
        id: request.id,
        name: 'Nachweis hochladen',
        status: 'open',
        audience: 'citizen',
      }),
    ]);
    expect(view.openRequests).toEqual([
      expect.objectContaining({
        id: request.id,
        title: expect.objectContaining({ de: 'Nachweis hochladen' }),
      }),
    ]);
  });
});
