import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accepted,
  activate,
  activateOne,
  createInstance,
  deploy,
  elementEvents,
  processInstanceState,
  records,
  startEngine,
  type EngineHarness,
} from './support';

/** The process instance the call activity created (from the record log). */
async function childInstanceKey(t: EngineHarness, parentKey: string): Promise<string> {
  const created = (await records(t.knex)).find(
    (r) =>
      r.valueType === 'PROCESS_INSTANCE' &&
      r.intent === 'ELEMENT_ACTIVATING' &&
      r.value.bpmnElementType === 'PROCESS' &&
      r.value.parentProcessInstanceKey === parentKey,
  );
  expect(created).toBeDefined();
  return created!.key;
}

describe('call activity', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
  });
  afterEach(async () => {
    await t.close();
  });

  test('creates an instance of the called process that knows its parent, and completes with it', async () => {
    // given
    await deploy(t.engine, 'call-parent.bpmn', 'call-child.bpmn');
    const parentKey = await createInstance(t.engine, 'call-parent', {
      childProcessId: 'call-child',
      caseId: 'C-1',
    });

    // when
    const work = await activateOne(t.engine, 'child-work');
    const side = await activateOne(t.engine, 'child-side');

    // then the child runs in its own process instance with a copy of all parent variables
    const childKey = await childInstanceKey(t, parentKey);
    expect(work.processInstanceKey).toBe(childKey);
    expect(work.bpmnProcessId).toBe('call-child');
    expect(work.variables).toEqual({ childProcessId: 'call-child', caseId: 'C-1' });
    const callActivated = (await records(t.knex, parentKey)).find(
      (r) => r.intent === 'ELEMENT_ACTIVATED' && r.value.elementId === 'call',
    );
    expect(callActivated?.value.bpmnElementType).toBe('CALL_ACTIVITY');
    const childRecords = (await records(t.knex, childKey)).filter(
      (r) => r.valueType === 'PROCESS_INSTANCE',
    );
    expect(childRecords.length).toBeGreaterThan(0);
    for (const record of childRecords) {
      expect(record.value).toMatchObject({
        parentProcessInstanceKey: parentKey,
        parentElementInstanceKey: callActivated!.key,
      });
    }

    // when the child completes, all its variables are propagated to the parent
    accepted(await t.engine.completeJob(side.key, {}));
    accepted(await t.engine.completeJob(work.key, { decision: 'approved', caseId: 'C-1b' }));

    // then
    const after = await activateOne(t.engine, 'after-call');
    expect(after.processInstanceKey).toBe(parentKey);
    expect(after.variables).toEqual({
      childProcessId: 'call-child',
      caseId: 'C-1b',
      decision: 'approved',
    });
    expect(await processInstanceState(t.knex, childKey)).toBe('COMPLETED');
    expect(await elementEvents(t.knex, parentKey)).toContain('call:ELEMENT_COMPLETED');
  });

  test('propagateAllParentVariables="false" copies only the input mappings; output mappings choose what comes back', async () => {
    // given
    await deploy(t.engine, 'call-mappings.bpmn', 'call-child.bpmn');
    const parentKey = await createInstance(t.engine, 'call-mappings', {
      orderId: 'O-7',
      secret: 's3cr3t',
    });

    // when
    const work = await activateOne(t.engine, 'child-work');

    // then
    expect(work.variables).toEqual({ caseId: 'O-7' });

    // when the child ends with variables of its own
    accepted(await t.engine.completeJob((await activateOne(t.engine, 'child-side')).key, {}));
    accepted(await t.engine.completeJob(work.key, { decision: 'denied', note: 'internal' }));

    // then only the output mapping reaches the parent
    const after = await activateOne(t.engine, 'after-call');
    expect(after.processInstanceKey).toBe(parentKey);
    expect(after.variables).toEqual({ orderId: 'O-7', secret: 's3cr3t', childDecision: 'denied' });
  });

  test('a called process that is not deployed is a CALLED_ELEMENT_ERROR incident; deploying it and resolving continues', async () => {
    // given
    await deploy(t.engine, 'call-parent.bpmn');
    const parentKey = await createInstance(t.engine, 'call-parent', {
      childProcessId: 'call-child',
    });

    // then
    const incident = (await records(t.knex, parentKey)).find(
      (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    );
    expect(incident?.value).toMatchObject({
      errorType: 'CALLED_ELEMENT_ERROR',
      errorMessage:
        "Expected process with BPMN process id 'call-child' to be deployed, but not found.",
      elementId: 'call',
      processInstanceKey: parentKey,
    });

    // when
    await deploy(t.engine, 'call-child.bpmn');
    accepted(await t.engine.resolveIncident(incident!.key));

    // then
    const work = await activateOne(t.engine, 'child-work');
    expect(work.processInstanceKey).toBe(await childInstanceKey(t, parentKey));
  });

  test('canceling the parent terminates the called process instance', async () => {
    // given
    await deploy(t.engine, 'call-parent.bpmn', 'call-child.bpmn');
    const parentKey = await createInstance(t.engine, 'call-parent', {
      childProcessId: 'call-child',
    });
    await activateOne(t.engine, 'child-work');
    const childKey = await childInstanceKey(t, parentKey);

    // when
    accepted(await t.engine.cancelProcessInstance(parentKey));

    // then
    expect(await processInstanceState(t.knex, childKey)).toBe('TERMINATED');
    expect(await processInstanceState(t.knex, parentKey)).toBe('TERMINATED');
    const jobs = (await records(t.knex, childKey)).filter(
      (r) => r.valueType === 'JOB' && r.intent === 'CANCELED',
    );
    expect(jobs.map((r) => r.value.elementId).sort()).toEqual(['side', 'work']);
    expect(await elementEvents(t.knex, parentKey)).toEqual(
      expect.arrayContaining(['call:ELEMENT_TERMINATING', 'call:ELEMENT_TERMINATED']),
    );
    expect(await activate(t.engine, 'child-side')).toEqual([]);
  });

  test('the called process instance cannot be canceled on its own', async () => {
    // given
    await deploy(t.engine, 'call-parent.bpmn', 'call-child.bpmn');
    const parentKey = await createInstance(t.engine, 'call-parent', {
      childProcessId: 'call-child',
    });
    const childKey = await childInstanceKey(t, parentKey);

    // when
    const result = await t.engine.cancelProcessInstance(childKey);

    // then
    expect(result).toMatchObject({
      ok: false,
      rejection: {
        type: 'INVALID_STATE',
        reason: `Expected to cancel a process instance with key '${childKey}', but it is created by a parent process instance. Cancel the root process instance '${parentKey}' instead.`,
      },
    });
  });

  test('a terminate end event in the called process ends only the child; the call activity completes', async () => {
    // given
    await deploy(t.engine, 'call-parent.bpmn', 'call-child.bpmn');
    const parentKey = await createInstance(t.engine, 'call-parent', {
      childProcessId: 'call-child',
    });
    const work = await activateOne(t.engine, 'child-work');
    const childKey = await childInstanceKey(t, parentKey);

    // when
    accepted(await t.engine.completeJob(work.key, { outcome: 'stop' }));

    // then the side task is terminated, the child completes, the parent goes on
    const childEvents = await elementEvents(t.knex, childKey);
    expect(childEvents).toEqual(
      expect.arrayContaining([
        'terminateEnd:ELEMENT_COMPLETED',
        'side:ELEMENT_TERMINATED',
        'call-child:ELEMENT_COMPLETED',
      ]),
    );
    expect(await processInstanceState(t.knex, childKey)).toBe('COMPLETED');
    const after = await activateOne(t.engine, 'after-call');
    expect(after.variables).toMatchObject({ outcome: 'stop' });
    expect(await elementEvents(t.knex, parentKey)).toContain('call:ELEMENT_COMPLETED');
  });

  test('a BPMN error the child does not catch is caught by the error boundary event of the call activity', async () => {
    // given
    await deploy(t.engine, 'call-parent.bpmn', 'call-child.bpmn');
    const parentKey = await createInstance(t.engine, 'call-parent', {
      childProcessId: 'call-child',
    });
    const work = await activateOne(t.engine, 'child-work');
    const childKey = await childInstanceKey(t, parentKey);

    // when the child reaches its error end event
    accepted(await t.engine.completeJob(work.key, { outcome: 'reject' }));

    // then the parent handles it; the child is terminated, its variables stay there
    const handle = await activateOne(t.engine, 'handle-rejection');
    expect(handle.processInstanceKey).toBe(parentKey);
    expect(handle.variables).toEqual({ childProcessId: 'call-child' });
    expect(await processInstanceState(t.knex, childKey)).toBe('TERMINATED');
    expect(await elementEvents(t.knex, childKey)).toEqual(
      expect.arrayContaining(['errorEnd:ELEMENT_ACTIVATED', 'errorEnd:ELEMENT_TERMINATED']),
    );
    expect(await elementEvents(t.knex, parentKey)).toEqual(
      expect.arrayContaining(['call:ELEMENT_TERMINATED', 'rejected:ELEMENT_COMPLETED']),
    );
  });

  test('ThrowError from a job in the child is caught by the call activity; an error nobody catches is an incident in the child', async () => {
    // given
    await deploy(t.engine, 'call-parent.bpmn', 'call-child.bpmn');
    const parentKey = await createInstance(t.engine, 'call-parent', {
      childProcessId: 'call-child',
    });
    const work = await activateOne(t.engine, 'child-work');
    const side = await activateOne(t.engine, 'child-side');
    const childKey = await childInstanceKey(t, parentKey);

    // when
    accepted(
      await t.engine.throwError(side.key, {
        errorCode: 'UNKNOWN',
        errorMessage: 'odd',
        variables: {},
      }),
    );

    // then the incident is in the child, the parent has none
    const incident = (await records(t.knex, childKey)).find(
      (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    );
    expect(incident?.value).toMatchObject({
      errorType: 'UNHANDLED_ERROR_EVENT',
      errorMessage:
        "Expected to throw an error event with the code 'UNKNOWN' with message 'odd', but it was not caught. Available error events are [REJECTED]",
      processInstanceKey: childKey,
      elementId: 'side',
    });
    expect((await records(t.knex, parentKey)).filter((r) => r.valueType === 'INCIDENT')).toEqual(
      [],
    );

    // when the other job throws the error the call activity catches
    accepted(
      await t.engine.throwError(work.key, {
        errorCode: 'REJECTED',
        errorMessage: 'no',
        variables: { reason: 'incomplete' },
      }),
    );

    // then the child is terminated (resolving its incident) and the parent handles the error
    const handle = await activateOne(t.engine, 'handle-rejection');
    expect(handle.variables).toEqual({ childProcessId: 'call-child', reason: 'incomplete' });
    expect(await processInstanceState(t.knex, childKey)).toBe('TERMINATED');
    expect(
      (await records(t.knex, childKey)).some(
        (r) => r.valueType === 'INCIDENT' && r.intent === 'RESOLVED',
      ),
    ).toBe(true);
  });
});
