/** CreateProcessInstance (by id, version, key; with result), CancelProcessInstance, SetVariables. */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, waitFor, type TestEngine } from '../harness';

describe('process instances', () => {
  let t: TestEngine;
  let version1Key: string;
  let version2Key: string;

  beforeAll(async () => {
    t = await startTestEngine();
    const v1 = await t.zeebe.deployResource({
      processFilename: bpmn(import.meta.url, 'order-process.bpmn'),
    });
    const v2 = await t.zeebe.deployResource({
      processFilename: bpmn(import.meta.url, 'order-process-changed.bpmn'),
    });
    version1Key = v1.deployments[0]?.process.processDefinitionKey ?? '';
    version2Key = v2.deployments[0]?.process.processDefinitionKey ?? '';
    await t.zeebe.deployResources([
      { processFilename: bpmn(import.meta.url, 'instant.bpmn') },
      { processFilename: bpmn(import.meta.url, 'waits-forever.bpmn') },
      { processFilename: bpmn(import.meta.url, 'await-payment.bpmn') },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  test('creates an instance of the latest version by BPMN process id', async () => {
    const created = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'order-process',
      variables: { orderId: 'A-1' },
    });

    expect(created).toMatchObject({
      bpmnProcessId: 'order-process',
      version: 2,
      processDefinitionKey: version2Key,
      tenantId: '<default>',
    });
    expect(created.processInstanceKey).toMatch(/^\d+$/);
  });

  test('creates an instance of a given version', async () => {
    const created = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'order-process',
      version: 1,
      variables: {},
    });

    expect(created).toMatchObject({ version: 1, processDefinitionKey: version1Key });
  });

  test('creates an instance by process definition key', async () => {
    const created = await t.gateway.unary('CreateProcessInstance', {
      processDefinitionKey: version1Key,
      variables: '{"orderId":"A-2"}',
    });

    expect(created).toMatchObject({
      bpmnProcessId: 'order-process',
      version: 1,
      processDefinitionKey: version1Key,
    });
  });

  test('answers NOT_FOUND for an unknown process id, version or key', async () => {
    expect(
      await grpcFailure(
        t.zeebe.createProcessInstance({ bpmnProcessId: 'no-such-process', variables: {} }),
      ),
    ).toMatchObject({
      code: status.NOT_FOUND,
      details: expect.stringContaining(
        "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID 'no-such-process', but none found",
      ),
    });
    expect(
      await grpcFailure(
        t.zeebe.createProcessInstance({
          bpmnProcessId: 'order-process',
          version: 7,
          variables: {},
        }),
      ),
    ).toMatchObject({
      code: status.NOT_FOUND,
      details: expect.stringContaining(
        "Expected to find process definition with process ID 'order-process' and version '7', but none found",
      ),
    });
    expect(
      await grpcFailure(
        t.gateway.unary('CreateProcessInstance', { processDefinitionKey: '2251799813685000' }),
      ),
    ).toEqual({
      code: status.NOT_FOUND,
      details:
        "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with key '2251799813685000', but none found",
    });
  });

  test('cancels a running instance; a second cancel is NOT_FOUND', async () => {
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'waits-forever',
      variables: {},
    });

    await t.zeebe.cancelProcessInstance(processInstanceKey);

    expect(await grpcFailure(t.zeebe.cancelProcessInstance(processInstanceKey))).toEqual({
      code: status.NOT_FOUND,
      details: `Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`,
    });
  });

  test('with result: answers when the instance completed, with its variables', async () => {
    const result = await t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'instant',
      variables: { orderId: 'A-3', amount: 42.5 },
      requestTimeout: 10_000,
    });

    expect(result).toMatchObject({ bpmnProcessId: 'instant', version: 1 });
    expect(result.variables).toEqual({ orderId: 'A-3', amount: 42.5 });
  });

  test('with result: fetchVariables limits the variables returned', async () => {
    const result = await t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'instant',
      variables: { orderId: 'A-4', secret: 'x' },
      fetchVariables: ['orderId'],
      requestTimeout: 10_000,
    });

    expect(result.variables).toEqual({ orderId: 'A-4' });
  });

  test('with result: waits while the instance waits, and answers once it completed', async () => {
    const pending = t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'await-payment',
      variables: { orderId: 'A-5' },
      requestTimeout: 20_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    await t.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: 'A-5',
      variables: { paid: true },
      timeToLive: 0,
    });
    const [job] = await waitFor(async () => {
      const jobs = await t.zeebe.activateJobs({
        type: 'ship-order',
        worker: 'shipping',
        maxJobsToActivate: 1,
        timeout: 30_000,
        requestTimeout: -1,
      });
      return jobs.length > 0 ? jobs : undefined;
    });
    await t.zeebe.completeJob({ jobKey: job!.key, variables: { shipped: true } });

    const result = await pending;
    expect(result.variables).toEqual({ orderId: 'A-5', paid: true, shipped: true });
  });

  test('with result: DEADLINE_EXCEEDED when the instance does not complete in time', async () => {
    const started = Date.now();
    const failure = await grpcFailure(
      t.gateway.unary('CreateProcessInstanceWithResult', {
        request: { bpmnProcessId: 'waits-forever', version: -1 },
        requestTimeout: '500',
      }),
    );

    expect(failure.code).toBe(status.DEADLINE_EXCEEDED);
    expect(failure.details).toMatch(/^Time out between gateway and broker: /);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('sets variables on an instance; unknown element NOT_FOUND', async () => {
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'waits-forever',
      variables: {},
    });

    const response = await t.gateway.unary<{ key: string }>('SetVariables', {
      elementInstanceKey: processInstanceKey,
      variables: '{"approved":true}',
      local: false,
    });
    expect(response.key).toMatch(/^\d+$/);

    expect(
      await grpcFailure(
        t.zeebe.setVariables({
          elementInstanceKey: '2251799813685000',
          variables: { a: 1 },
          local: false,
        }),
      ),
    ).toEqual({
      code: status.NOT_FOUND,
      details:
        "Command 'UPDATE' rejected with code 'NOT_FOUND': Expected to update variables for element with key '2251799813685000', but no such element was found",
    });
  });
});
