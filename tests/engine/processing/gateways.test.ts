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

describe('gateways', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
  });
  afterEach(async () => {
    await t.close();
  });

  test.each([
    { amount: 50, expected: 'small' },
    { amount: 500, expected: 'big' },
    // the first condition in model order that holds wins, even when a later one also holds
    { amount: 5000, expected: 'big' },
  ])('exclusive gateway routes amount $amount to $expected', async ({ amount, expected }) => {
    // given
    await deploy(t.engine, 'exclusive.bpmn');

    // when
    const processInstanceKey = await createInstance(t.engine, 'exclusive', { amount });

    // then
    const jobs = await Promise.all(
      ['small', 'big', 'huge'].map((type) => activate(t.engine, type)),
    );
    expect(jobs.flat().map((job) => job.type)).toEqual([expected]);
    expect(jobs.flat()[0]?.processInstanceKey).toBe(processInstanceKey);
  });

  test('exclusive gateway without a matching condition and default raises a CONDITION_ERROR incident', async () => {
    // given
    await deploy(t.engine, 'exclusive-no-default.bpmn');

    // when
    const processInstanceKey = await createInstance(t.engine, 'exclusive-no-default');

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT',
    );
    expect(incident?.value).toEqual(
      expect.objectContaining({
        errorType: 'CONDITION_ERROR',
        errorMessage:
          'Expected at least one condition to evaluate to true, or to have a default flow',
        elementId: 'gateway',
      }),
    );

    // and when the variable is fixed and the incident resolved, the gateway is evaluated again
    accepted(await t.engine.setVariables(processInstanceKey, { approved: true }, false));
    accepted(await t.engine.resolveIncident(incident!.key));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await elementEvents(t.knex, processInstanceKey)).toContain('approve:ELEMENT_COMPLETED');
  });

  test('a condition that does not evaluate to a boolean raises an EXTRACT_VALUE_ERROR incident', async () => {
    // given
    await deploy(t.engine, 'exclusive-no-default.bpmn');

    // when
    const processInstanceKey = await createInstance(t.engine, 'exclusive-no-default', {
      approved: 'maybe',
    });

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT',
    );
    expect(incident?.value).toEqual(
      expect.objectContaining({
        errorType: 'EXTRACT_VALUE_ERROR',
        errorMessage: expect.stringContaining("to be 'BOOLEAN', but was 'NULL'") as unknown,
      }),
    );
  });

  test('parallel gateway forks and joins: the instance completes only after both branches', async () => {
    // given
    await deploy(t.engine, 'parallel.bpmn');
    const processInstanceKey = await createInstance(t.engine, 'parallel');
    const a = await activateOne(t.engine, 'a');
    const b = await activateOne(t.engine, 'b');

    // when one branch completes
    accepted(await t.engine.completeJob(a.key, {}));

    // then the join waits
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);

    // when the other completes too
    accepted(await t.engine.completeJob(b.key, {}));

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events.filter((e) => e === 'join:ELEMENT_ACTIVATED')).toHaveLength(1);
    expect(events.filter((e) => e === 'end:ELEMENT_COMPLETED')).toHaveLength(1);
  });

  test('terminate end event ends the instance and cancels the other branch’s job', async () => {
    // given
    await deploy(t.engine, 'terminate.bpmn');
    const processInstanceKey = await createInstance(t.engine, 'terminate');
    const work = await activateOne(t.engine, 'long-work');
    const stop = await activateOne(t.engine, 'stop');

    // when
    accepted(await t.engine.completeJob(stop.key, {}));

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await elementEvents(t.knex, processInstanceKey)).toContain('work:ELEMENT_TERMINATED');
    const completion = await t.engine.completeJob(work.key, {});
    expect(completion.ok).toBe(false);
    expect(!completion.ok && completion.rejection.type).toBe('NOT_FOUND');
  });
});
