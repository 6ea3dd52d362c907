/**
 * What the task page reads besides the task: the process diagram with the task's element, and
 * the colleagues the task may be handed to — both only for staff who see the task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startCase, startInboxWorld, taskOf, type InboxWorld } from './support';

const DUE = '2031-03-31T10:00:00Z';

let world: InboxWorld;

beforeAll(async () => {
  world = await startInboxWorld();
});

afterAll(async () => {
  await world?.stop();
});

describe('the task page', () => {
  it('shows the diagram of the task’s process with the task’s element', async () => {
    // given the review task of a Luzern case
    const given = await startCase(world, { serviceId: 'task-review', variables: { dueAt: DUE } });
    const { id } = await taskOf(world, given.id);

    // when Anna (Einwohnerkontrolle) asks for its diagram
    const res = await (await world.as('anna')).get(`/api/tasks/${id}/diagram`);

    // then she gets the deployed BPMN and the element to highlight
    expect(res.status).toBe(200);
    const diagram = await json<{
      bpmnProcessId: string;
      elementId: string;
      processDefinitionKey: string;
      bpmnXml: string;
    }>(res);
    expect(diagram).toMatchObject({ bpmnProcessId: 'task-review' });
    expect(diagram.processDefinitionKey).toMatch(/^\d+$/);
    expect(diagram.bpmnXml).toContain(`id="${diagram.elementId}"`);
    expect(diagram.bpmnXml).toContain('<bpmn:process id="task-review"');
  });

  it('lists the colleagues who may take the task: active candidates of its tenant', async () => {
    // given the review task (candidate group einwohnerkontrolle, Luzern)
    const given = await startCase(world, { serviceId: 'task-review', variables: { dueAt: DUE } });
    const { id } = await taskOf(world, given.id);

    // when Anna asks whom she can hand it to
    const res = await (await world.as('anna')).get(`/api/tasks/${id}/colleagues`);

    // then Anna and Beat (the group), not Carla (another group), Dario (Eschenbach) or Erika
    // (an administrator in no group)
    expect(res.status).toBe(200);
    const names = (await json<{ username: string }[]>(res)).map((c) => c.username);
    expect(names.sort()).toEqual(['anna', 'beat']);
  });

  it('keeps diagram and colleagues from staff who do not see the task (404)', async () => {
    const given = await startCase(world, { serviceId: 'task-review', variables: { dueAt: DUE } });
    const { id } = await taskOf(world, given.id);
    for (const who of ['dario', 'carla']) {
      const browser = await world.as(who);
      expect((await browser.get(`/api/tasks/${id}/diagram`)).status).toBe(404);
      expect((await browser.get(`/api/tasks/${id}/colleagues`)).status).toBe(404);
    }
    expect((await world.anonymous().get(`/api/tasks/${id}/diagram`)).status).toBe(401);
  });
});
