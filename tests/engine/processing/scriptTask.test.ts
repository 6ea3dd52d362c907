import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accepted,
  activateOne,
  createInstance,
  deploy,
  elementEvents,
  records,
  startEngine,
  type EngineHarness,
} from './support';

describe('a script task with a FEEL expression (zeebe:script)', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'script-task.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  test('evaluates the expression, sets the result variable and completes', async () => {
    // when
    const processInstanceKey = await createInstance(t.engine, 'script-task', {
      fees: [120, 180],
    });

    // then
    const job = await activateOne(t.engine, 'check');
    expect(job.variables).toEqual({ fees: [120, 180], due: 300 });
    expect(
      (await elementEvents(t.knex, processInstanceKey)).filter((e) => e.startsWith('total:')),
    ).toEqual([
      'total:ELEMENT_ACTIVATING',
      'total:ELEMENT_ACTIVATED',
      'total:ELEMENT_COMPLETING',
      'total:ELEMENT_COMPLETED',
    ]);
  });

  test('a failing expression is an EXTRACT_VALUE_ERROR incident; after SetVariables and resolve it completes', async () => {
    // when: `fees` is missing, so the assertion fails
    const processInstanceKey = await createInstance(t.engine, 'script-task');

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    );
    expect(incident?.value).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      elementId: 'total',
      errorMessage:
        "Assertion failure on evaluate the expression 'sum(assert(fees, fees != null))': The condition is not fulfilled The evaluation reported the following warnings:\n" +
        "[NO_VARIABLE_FOUND] No variable found with name 'fees'\n" +
        "[NO_VARIABLE_FOUND] No variable found with name 'fees'\n" +
        '[ASSERT_FAILURE] The condition is not fulfilled',
    });
    expect(await elementEvents(t.knex, processInstanceKey)).not.toContain(
      'total:ELEMENT_ACTIVATED',
    );

    // when
    accepted(await t.engine.setVariables(processInstanceKey, { fees: [50] }, false));
    accepted(await t.engine.resolveIncident(incident!.key));

    // then
    const job = await activateOne(t.engine, 'check');
    expect(job.variables).toEqual({ fees: [50], due: 50 });
  });
});
