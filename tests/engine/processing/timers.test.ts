import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accepted,
  activate,
  activateOne,
  createInstance,
  deploy,
  elementEvents,
  isCompleted,
  records,
  settle,
  startEngine,
  type EngineHarness,
} from './support';

const MINUTE = 60_000;

describe('user tasks and timers', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'user-task-timer.bpmn', 'timer-catch.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  test('a user task is a job of type io.camunda.zeebe:userTask with Zeebe’s headers', async () => {
    // when
    await createInstance(t.engine, 'user-task-timer', { clerk: 'maria' });

    // then
    const job = await activateOne(t.engine, 'io.camunda.zeebe:userTask');
    expect(job.customHeaders).toEqual({
      'portal:milestone': 'in-review',
      'io.camunda.zeebe:assignee': 'maria',
      'io.camunda.zeebe:candidateGroups': '["einwohnerkontrolle","kanzlei"]',
      'io.camunda.zeebe:candidateUsers': '["anna","ben"]',
      'io.camunda.zeebe:dueDate': '2026-01-20T10:00Z',
      'io.camunda.zeebe:followUpDate': '2026-01-15T08:00:00Z',
      'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:reviewForm',
    });
  });

  test('the interrupting timer boundary event fires at its due date and cancels the user task', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'user-task-timer', {
      clerk: 'maria',
    });
    const task = await activateOne(t.engine, 'io.camunda.zeebe:userTask');

    // when
    t.clock.advance(59 * MINUTE);
    await settle(t.engine);

    // then nothing yet, apart from the reminders
    expect(await activate(t.engine, 'escalate')).toEqual([]);

    // when
    t.clock.advance(1 * MINUTE);
    await settle(t.engine);

    // then
    const escalate = await activateOne(t.engine, 'escalate');
    expect(escalate.processInstanceKey).toBe(processInstanceKey);
    expect(await elementEvents(t.knex, processInstanceKey)).toEqual(
      expect.arrayContaining(['review:ELEMENT_TERMINATED', 'deadline:ELEMENT_COMPLETED']),
    );
    const completion = await t.engine.completeJob(task.key, {});
    expect(!completion.ok && completion.rejection.type).toBe('NOT_FOUND');
  });

  test('the non-interrupting timer cycle fires its repetitions while the task waits', async () => {
    // given
    await createInstance(t.engine, 'user-task-timer', { clerk: 'maria' });

    // when
    for (let i = 0; i < 3; i++) {
      t.clock.advance(20 * MINUTE);
      await settle(t.engine);
    }

    // then R2: two reminders, then the deadline (60 min) ended the task
    expect(await activate(t.engine, 'remind')).toHaveLength(2);
    expect(await activate(t.engine, 'escalate')).toHaveLength(1);
  });

  test('completing the task cancels its timers', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'user-task-timer', {
      clerk: 'maria',
    });
    const task = await activateOne(t.engine, 'io.camunda.zeebe:userTask');

    // when
    accepted(await t.engine.completeJob(task.key, {}));
    t.clock.advance(2 * 60 * MINUTE);
    await settle(t.engine);

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await activate(t.engine, 'escalate')).toEqual([]);
    const timers = await t.knex.withSchema('engine').from('timers').count({ n: '*' }).first();
    expect(Number(timers?.n)).toBe(0);
  });

  test('a timer catch event with a FEEL duration waits exactly that long', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'timer-catch', {
      noticePeriod: 'P20D',
    });

    // when
    t.clock.advance(20 * 24 * 60 * MINUTE - 1);
    await settle(t.engine);

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);
    t.clock.advance(1);
    await settle(t.engine);
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    const triggered = (await records(t.knex, processInstanceKey)).filter(
      (r) => r.valueType === 'TIMER' && r.intent === 'TRIGGERED',
    );
    expect(triggered).toHaveLength(1);
  });
});
