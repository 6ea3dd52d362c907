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
  startEngine,
  type EngineHarness,
} from './support';

describe('escalation events', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'escalation.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  const escalations = async (processInstanceKey: string) =>
    (await records(t.knex, processInstanceKey))
      .filter((r) => r.valueType === 'ESCALATION')
      .map((r) => ({ intent: r.intent, ...r.value }) as Record<string, unknown>);

  test('an intermediate escalation is caught by the non-interrupting event subprocess of its scope', async () => {
    // when
    const processInstanceKey = await createInstance(t.engine, 'escalation', { outcome: 'late' });

    // then the throw event completed, the subprocess goes on and the event subprocess runs beside
    const work = await activateOne(t.engine, 'work');
    const log = await activateOne(t.engine, 'log-late');
    expect(await escalations(processInstanceKey)).toEqual([
      {
        intent: 'ESCALATED',
        processInstanceKey,
        escalationCode: 'LATE',
        throwElementId: 'late',
        catchElementId: 'logLateStart',
      },
    ]);
    expect(await elementEvents(t.knex, processInstanceKey)).toContain('late:ELEMENT_COMPLETED');
    expect(await activate(t.engine, 'notify')).toEqual([]);

    accepted(await t.engine.completeJob(work.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);
    accepted(await t.engine.completeJob(log.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('an escalation end event is caught by the interrupting boundary event of the subprocess', async () => {
    // when
    const processInstanceKey = await createInstance(t.engine, 'escalation', { outcome: 'abort' });

    // then
    await activateOne(t.engine, 'clean-up');
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toContain('abort:ELEMENT_ACTIVATED');
    expect(events).toContain('abort:ELEMENT_TERMINATED');
    expect(events).not.toContain('abort:ELEMENT_COMPLETED');
    expect(events).toContain('sub:ELEMENT_TERMINATED');
    expect(events).toContain('aborted:ELEMENT_COMPLETED');
    expect((await escalations(processInstanceKey)).map((e) => e.catchElementId)).toEqual([
      'aborted',
    ]);
  });

  test('a catch-all non-interrupting boundary event catches any escalation code', async () => {
    // when
    const processInstanceKey = await createInstance(t.engine, 'escalation', {
      outcome: 'unknown',
    });

    // then
    await activateOne(t.engine, 'notify');
    await activateOne(t.engine, 'work');
    expect(await elementEvents(t.knex, processInstanceKey)).not.toContain('sub:ELEMENT_TERMINATED');
  });

  test('an escalation nobody catches is NOT_ESCALATED, the throw event completes, no incident', async () => {
    // when
    const processInstanceKey = await createInstance(t.engine, 'escalation-uncaught');

    // then
    await activateOne(t.engine, 'go-on');
    expect(await escalations(processInstanceKey)).toEqual([
      {
        intent: 'NOT_ESCALATED',
        processInstanceKey,
        escalationCode: 'LATE',
        throwElementId: 'throwLate',
        catchElementId: '',
      },
    ]);
    const incidents = await t.knex.withSchema('engine').from('incidents').count({ n: '*' }).first();
    expect(Number(incidents?.n)).toBe(0);
  });
});
