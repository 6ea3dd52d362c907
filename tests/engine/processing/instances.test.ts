import { afterEach, describe, expect, test } from 'vitest';
import { BackpressureError } from '../../../engine/src/api';
import { isAwaitResultTimeout } from '../../../engine/src/processing/Engine';
import {
  accepted,
  activate,
  activateOne,
  createInstance,
  deploy,
  fixture,
  processInstanceState,
  records,
  startEngine,
  type EngineHarness,
} from './support';

const request = (
  bpmnProcessId: string,
  variables: Record<string, unknown> = {},
  tenantId = '<default>',
) => ({
  bpmnProcessId,
  version: -1,
  variables,
  startInstructions: [],
  tenantId,
});

describe('process instances', () => {
  let t: EngineHarness;
  afterEach(async () => {
    await t.close();
  });

  test('with result: answers when the instance completes, with the variables asked for', async () => {
    // given
    t = await startEngine();
    await deploy(t.engine, 'one-task.bpmn');

    // when
    const pending = t.engine.createProcessInstanceWithResult(
      request('one-task', { caseId: 'C-1' }),
      {
        requestTimeout: 10_000,
        fetchVariables: ['outcome'],
      },
    );
    const job = await waitForJob(t, 'work');
    accepted(await t.engine.completeJob(job.key, { outcome: 'approved', other: 1 }));

    // then
    const result = accepted(await pending);
    expect(result).toEqual({
      processDefinitionKey: expect.any(String) as unknown,
      bpmnProcessId: 'one-task',
      version: 1,
      processInstanceKey: job.processInstanceKey,
      tenantId: '<default>',
      variables: { outcome: 'approved' },
    });
  });

  test('with result: a request timeout is a rejection the gateway maps to DEADLINE_EXCEEDED', async () => {
    // given
    t = await startEngine();
    await deploy(t.engine, 'one-task.bpmn');

    // when
    const result = await t.engine.createProcessInstanceWithResult(request('one-task'), {
      requestTimeout: 50,
      fetchVariables: [],
    });

    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.rejection).toEqual(
      expect.objectContaining({ intent: 'CREATE_WITH_AWAITING_RESULT', type: 'PROCESSING_ERROR' }),
    );
    expect(!result.ok && isAwaitResultTimeout(result.rejection)).toBe(true);
  });

  test('cancel terminates the instance and its job', async () => {
    // given
    t = await startEngine();
    await deploy(t.engine, 'one-task.bpmn');
    const processInstanceKey = await createInstance(t.engine, 'one-task');
    const job = await activateOne(t.engine, 'work');

    // when
    accepted(await t.engine.cancelProcessInstance(processInstanceKey));

    // then
    expect(await processInstanceState(t.knex, processInstanceKey)).toBe('TERMINATED');
    expect((await t.engine.completeJob(job.key, {})).ok).toBe(false);
    expect(await t.engine.cancelProcessInstance(processInstanceKey)).toEqual({
      ok: false,
      rejection: {
        intent: 'CANCEL',
        type: 'NOT_FOUND',
        reason: `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`,
      },
    });
  });

  test.each([
    [
      { bpmnProcessId: 'nope' },
      "Expected to find process definition with process ID 'nope', but none found",
    ],
    [
      { bpmnProcessId: 'one-task', version: 7 },
      "Expected to find process definition with process ID 'one-task' and version '7', but none found",
    ],
    [
      { processDefinitionKey: '2251799813999999' },
      "Expected to find process definition with key '2251799813999999', but none found",
    ],
  ])('creating an instance of an unknown process (%j) is NOT_FOUND', async (which, reason) => {
    t = await startEngine();
    await deploy(t.engine, 'one-task.bpmn');
    const result = await t.engine.createProcessInstance({
      variables: {},
      startInstructions: [],
      tenantId: '<default>',
      ...which,
    });
    expect(result).toEqual({
      ok: false,
      rejection: { intent: 'CREATE', type: 'NOT_FOUND', reason },
    });
  });

  test('deleting a process definition: refused while instances run, then gone; versions continue', async () => {
    // given
    t = await startEngine();
    const deployed = accepted(
      await t.engine.deployResources({ resources: [fixture('one-task.bpmn')], tenantId: '' }),
    );
    const key = deployed.processes[0]!.processDefinitionKey;
    const processInstanceKey = await createInstance(t.engine, 'one-task');

    // when / then
    expect(await t.engine.deleteResource(key)).toEqual({
      ok: false,
      rejection: {
        intent: 'DELETE',
        type: 'INVALID_STATE',
        reason: `Expected to delete resource with key \`${key}\` but there are still running instances`,
      },
    });
    accepted(await t.engine.cancelProcessInstance(processInstanceKey));
    accepted(await t.engine.deleteResource(key));
    const created = await t.engine.createProcessInstance(request('one-task'));
    expect(!created.ok && created.rejection.type).toBe('NOT_FOUND');
    const again = await t.engine.deleteResource(key);
    expect(!again.ok && again.rejection.reason).toBe(
      `Expected to delete resource but no resource found with key \`${key}\``,
    );
    const redeployed = accepted(
      await t.engine.deployResources({ resources: [fixture('one-task.bpmn')], tenantId: '' }),
    );
    expect(redeployed.processes[0]?.version).toBe(2);
  });

  test('resolving an unknown incident is NOT_FOUND', async () => {
    t = await startEngine();
    expect(await t.engine.resolveIncident('2251799813999999')).toEqual({
      ok: false,
      rejection: {
        intent: 'RESOLVE',
        type: 'NOT_FOUND',
        reason:
          "Expected to resolve incident with key '2251799813999999', but no such incident was found",
      },
    });
  });

  test('an invalid deployment is INVALID_ARGUMENT with Zeebe’s error text', async () => {
    t = await startEngine();
    const result = await t.engine.deployResources({
      resources: [{ name: 'broken.bpmn', content: Buffer.from('<definitions') }],
      tenantId: '<default>',
    });
    expect(!result.ok && result.rejection.type).toBe('INVALID_ARGUMENT');
    expect(!result.ok && result.rejection.reason).toMatch(
      /^Expected to deploy new resources, but encountered the following errors:\n'broken.bpmn': /,
    );
  });

  test('backpressure: beyond the in-flight limit creation throws, job completion is still accepted', async () => {
    // given
    t = await startEngine({ maxInFlightCommands: 2 });
    await deploy(t.engine, 'one-task.bpmn');
    await createInstance(t.engine, 'one-task');
    const job = await activateOne(t.engine, 'work');

    // when
    const creations = Array.from({ length: 5 }, () =>
      t.engine.createProcessInstance(request('one-task')),
    );
    const completion = t.engine.completeJob(job.key, {});

    // then
    const settled = await Promise.allSettled(creations);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(2);
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(refused).toHaveLength(3);
    expect(refused[0]?.reason).toBeInstanceOf(BackpressureError);
    expect((await completion).ok).toBe(true);
  });

  test('single tenant: another tenant id is INVALID_ARGUMENT as Zeebe’s gateway says', async () => {
    t = await startEngine();
    const result = await t.engine.createProcessInstance(request('one-task', {}, 'luzern'));
    expect(result).toEqual({
      ok: false,
      rejection: {
        intent: 'CreateProcessInstance',
        type: 'INVALID_ARGUMENT',
        reason:
          "Expected to handle gRPC request CreateProcessInstance with tenant identifier 'luzern', but multi-tenancy is disabled",
      },
    });
  });

  test('multi-tenancy: processes, instances and jobs belong to their tenant', async () => {
    // given
    t = await startEngine({ multiTenancy: true });
    accepted(
      await t.engine.deployResources({ resources: [fixture('one-task.bpmn')], tenantId: 'luzern' }),
    );

    // when
    const elsewhere = await t.engine.createProcessInstance(request('one-task', {}, 'kanton'));
    const here = accepted(await t.engine.createProcessInstance(request('one-task', {}, 'luzern')));

    // then
    expect(!elsewhere.ok && elsewhere.rejection.type).toBe('NOT_FOUND');
    const forKanton = accepted(
      await t.engine.activateJobs({
        type: 'work',
        worker: 'w',
        timeout: 1000,
        maxJobsToActivate: 5,
        fetchVariable: [],
        tenantIds: ['kanton'],
      }),
    );
    expect(forKanton).toEqual([]);
    const forLuzern = accepted(
      await t.engine.activateJobs({
        type: 'work',
        worker: 'w',
        timeout: 1000,
        maxJobsToActivate: 5,
        fetchVariable: [],
        tenantIds: ['kanton', 'luzern'],
      }),
    );
    expect(forLuzern.map((job) => [job.processInstanceKey, job.tenantId])).toEqual([
      [here.processInstanceKey, 'luzern'],
    ]);
  });

  test('a broadcast signal reaches every instance waiting for it, with its variables', async () => {
    // given
    t = await startEngine();
    await deploy(t.engine, 'signal-catch.bpmn');
    const first = await createInstance(t.engine, 'signal-catch', { orderId: 'A' });
    const second = await createInstance(t.engine, 'signal-catch', { orderId: 'B' });

    // when
    const result = accepted(
      await t.engine.broadcastSignal({
        signalName: 'order-cancelled',
        variables: { by: 'clerk' },
        tenantId: '',
      }),
    );

    // then
    expect(result.tenantId).toBe('<default>');
    for (const key of [first, second])
      expect(await processInstanceState(t.knex, key)).toBe('COMPLETED');
    const variables = (await records(t.knex, first)).filter((r) => r.valueType === 'VARIABLE');
    expect(variables.map((r) => r.value.name)).toEqual(['orderId', 'by']);
  });
});

async function waitForJob(t: EngineHarness, type: string) {
  for (let i = 0; i < 100; i++) {
    const jobs = await activate(t.engine, type, 1);
    if (jobs[0]) return jobs[0];
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${type} job`);
}
