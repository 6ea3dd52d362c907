import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accepted,
  activate,
  activateOne,
  createInstance,
  deploy,
  elementEvents,
  fixture,
  isCompleted,
  records,
  startEngine,
  type EngineHarness,
} from './support';

describe('a process with one service task', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
  });
  afterEach(async () => {
    await t.close();
  });

  test('deploys once per content: the same file again keeps the version', async () => {
    // when
    const first = accepted(
      await t.engine.deployResources({
        resources: [fixture('one-task.bpmn')],
        tenantId: '<default>',
      }),
    );
    const again = accepted(
      await t.engine.deployResources({ resources: [fixture('one-task.bpmn')], tenantId: '' }),
    );

    // then
    expect(first.processes).toEqual([
      expect.objectContaining({
        bpmnProcessId: 'one-task',
        version: 1,
        resourceName: 'one-task.bpmn',
        tenantId: '<default>',
      }),
    ]);
    expect(first.key).toBe('2251799813685249');
    expect(again.processes[0]).toEqual(first.processes[0]);
    expect(again.key).not.toBe(first.key);
  });

  test('runs from start to end: the job is activated with its headers and variables, completion ends the instance', async () => {
    // given
    await deploy(t.engine, 'one-task.bpmn');
    const processInstanceKey = await createInstance(t.engine, 'one-task', { caseId: 'C-1' });

    // when
    const job = await activateOne(t.engine, 'work');
    accepted(await t.engine.completeJob(job.key, { result: 'done' }));

    // then
    expect(job).toEqual(
      expect.objectContaining({
        type: 'work',
        processInstanceKey,
        bpmnProcessId: 'one-task',
        processDefinitionVersion: 1,
        elementId: 'task',
        customHeaders: { 'portal:milestone': 'received' },
        worker: 'test-worker',
        retries: 3,
        variables: { caseId: 'C-1' },
        tenantId: '<default>',
      }),
    );
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await elementEvents(t.knex, processInstanceKey)).toEqual([
      'one-task:ELEMENT_ACTIVATING',
      'one-task:ELEMENT_ACTIVATED',
      'start:ELEMENT_ACTIVATING',
      'start:ELEMENT_ACTIVATED',
      'start:ELEMENT_COMPLETING',
      'start:ELEMENT_COMPLETED',
      'toTask:SEQUENCE_FLOW_TAKEN',
      'task:ELEMENT_ACTIVATING',
      'task:ELEMENT_ACTIVATED',
      'task:ELEMENT_COMPLETING',
      'task:ELEMENT_COMPLETED',
      'toEnd:SEQUENCE_FLOW_TAKEN',
      'end:ELEMENT_ACTIVATING',
      'end:ELEMENT_ACTIVATED',
      'end:ELEMENT_COMPLETING',
      'end:ELEMENT_COMPLETED',
      'one-task:ELEMENT_COMPLETING',
      'one-task:ELEMENT_COMPLETED',
    ]);
  });

  test('writes commands, events and Zeebe-shaped values to the record log', async () => {
    // given
    await deploy(t.engine, 'one-task.bpmn');
    const processInstanceKey = await createInstance(t.engine, 'one-task', { caseId: 'C-1' });

    // then
    const log = await records(t.knex);
    expect(log.map((r) => r.position)).toEqual(log.map((_, i) => i + 1));
    const kinds = log.map((r) => `${r.recordType} ${r.valueType} ${r.intent}`);
    expect(kinds).toContain('COMMAND DEPLOYMENT CREATE');
    expect(kinds).toContain('EVENT PROCESS CREATED');
    expect(kinds).toContain('EVENT DEPLOYMENT CREATED');
    expect(kinds).toContain('COMMAND PROCESS_INSTANCE_CREATION CREATE');
    expect(kinds).toContain('COMMAND PROCESS_INSTANCE ACTIVATE_ELEMENT');
    expect(kinds).toContain('EVENT JOB CREATED');
    const taskActivated = log.find(
      (r) => r.intent === 'ELEMENT_ACTIVATED' && r.value.elementId === 'task',
    );
    expect(taskActivated?.value).toEqual({
      bpmnProcessId: 'one-task',
      version: 1,
      processDefinitionKey: expect.any(String),
      processInstanceKey,
      elementId: 'task',
      flowScopeKey: processInstanceKey,
      bpmnElementType: 'SERVICE_TASK',
      bpmnEventType: 'UNSPECIFIED',
      parentProcessInstanceKey: '-1',
      parentElementInstanceKey: '-1',
      tenantId: '<default>',
    });
    const variable = log.find((r) => r.valueType === 'VARIABLE');
    expect(variable?.value).toEqual(
      expect.objectContaining({ name: 'caseId', value: '"C-1"', scopeKey: processInstanceKey }),
    );
  });

  test('a job is handed out once until its deadline', async () => {
    // given
    await deploy(t.engine, 'one-task.bpmn');
    await createInstance(t.engine, 'one-task');
    await activateOne(t.engine, 'work');

    // when
    const second = await activate(t.engine, 'work');

    // then
    expect(second).toEqual([]);
  });

  test('completing an unknown job is NOT_FOUND with Zeebe’s reason', async () => {
    const result = await t.engine.completeJob('2251799813999999', {});
    expect(result).toEqual({
      ok: false,
      rejection: {
        intent: 'COMPLETE',
        type: 'NOT_FOUND',
        reason: "Expected to complete job with key '2251799813999999', but no such job was found",
      },
    });
  });
});
