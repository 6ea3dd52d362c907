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

describe('BPMN errors', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'error-boundary.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  test('ThrowError from a job inside a subprocess is caught by the error boundary event of the subprocess', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'error-boundary', { caseId: 'C-7' });
    const check = await activateOne(t.engine, 'check');

    // when
    accepted(
      await t.engine.throwError(check.key, {
        errorCode: 'REJECTED',
        errorMessage: 'incomplete',
        variables: { reason: 'lease missing' },
      }),
    );

    // then
    const handle = await activateOne(t.engine, 'handle');
    expect(handle.variables).toEqual({ caseId: 'C-7', reason: 'lease missing' });
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toContain('check:ELEMENT_TERMINATED');
    expect(events).toContain('sub:ELEMENT_TERMINATED');
    expect(events).toContain('rejected:ELEMENT_COMPLETED');
    accepted(await t.engine.completeJob(handle.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('an error end event inside the subprocess is caught by its boundary event', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'error-boundary');
    const check = await activateOne(t.engine, 'check');

    // when
    accepted(await t.engine.completeJob(check.key, { incomplete: true }));

    // then
    await activateOne(t.engine, 'handle');
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toContain('errorEnd:ELEMENT_ACTIVATED');
    expect(events).toContain('errorEnd:ELEMENT_TERMINATED');
    expect(events).toContain('sub:ELEMENT_TERMINATED');
  });

  test('an error nobody catches becomes an UNHANDLED_ERROR_EVENT incident on the job', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'error-boundary');
    const check = await activateOne(t.engine, 'check');

    // when
    accepted(
      await t.engine.throwError(check.key, {
        errorCode: 'UNKNOWN_CODE',
        errorMessage: 'odd',
        variables: {},
      }),
    );

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT',
    );
    expect(incident?.value).toEqual(
      expect.objectContaining({
        errorType: 'UNHANDLED_ERROR_EVENT',
        errorMessage:
          "Expected to throw an error event with the code 'UNKNOWN_CODE' with message 'odd', but it was not caught. Available error events are [REJECTED]",
        jobKey: check.key,
        elementId: 'check',
      }),
    );
    expect(await activate(t.engine, 'check')).toEqual([]);

    // when the incident is resolved, the job can be worked on again
    accepted(await t.engine.resolveIncident(incident!.key));
    const again = await activateOne(t.engine, 'check');
    expect(again.key).toBe(check.key);
  });
});
