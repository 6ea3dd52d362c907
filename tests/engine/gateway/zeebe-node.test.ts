/** The same gateway through the older zeebe-node 8.3.2 client, as existing workers use it. */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ZBClient } from 'zeebe-node';
import { bpmn, grpcFailure, startTestEngine, waitFor, type TestEngine } from '../harness';

describe('zeebe-node 8.3.2', () => {
  let t: TestEngine;
  let zbc: ZBClient;

  beforeAll(async () => {
    t = await startTestEngine();
    zbc = t.zeebeNode();
  });
  afterAll(async () => {
    await t?.close();
  });

  test('topology', async () => {
    const topology = await zbc.topology();
    expect(topology).toMatchObject({ gatewayVersion: '8.6.0', partitionsCount: 1 });
  });

  test('deploys, creates an instance, and a worker completes its job', async () => {
    const deployment = await zbc.deployResource({
      processFilename: bpmn(import.meta.url, 'order-process.bpmn'),
    });
    expect(deployment.deployments[0]?.process).toMatchObject({
      bpmnProcessId: 'order-process',
      version: 1,
    });

    const worker = zbc.createWorker({
      taskType: 'charge-card',
      taskHandler: (job) => job.complete({ charged: job.variables.amount }),
    });
    try {
      const result = await zbc.createProcessInstanceWithResult({
        bpmnProcessId: 'order-process',
        variables: { amount: 30 },
        requestTimeout: 20_000,
      });
      expect(result.variables).toEqual({ amount: 30, charged: 30 });
    } finally {
      await worker.close();
    }
  });

  test('activateJobs, failJob and throwError', async () => {
    await zbc.deployResource({ processFilename: bpmn(import.meta.url, 'validate-order.bpmn') });
    await zbc.createProcessInstance({
      bpmnProcessId: 'validate-order',
      variables: { orderId: 'Z-1' },
    });

    const activate = (type: string) =>
      waitFor(async () => {
        const jobs = await zbc.activateJobs({
          type,
          worker: 'zeebe-node',
          maxJobsToActivate: 1,
          timeout: 30_000,
          requestTimeout: 1_000,
        });
        return jobs.length > 0 ? jobs : undefined;
      });

    const [job] = await activate('validate-order');
    await zbc.failJob({ jobKey: job!.key, retries: 2, errorMessage: 'try again', retryBackOff: 0 });
    const [retried] = await activate('validate-order');
    expect(retried).toMatchObject({ key: job!.key, retries: 2 });

    await zbc.throwError({ jobKey: retried!.key, errorCode: 'ORDER_INVALID', errorMessage: 'no' });
    const [rejection] = await activate('reject-order');
    expect(rejection?.variables).toMatchObject({ orderId: 'Z-1' });
    await zbc.completeJob({ jobKey: rejection!.key, variables: {} });
  });

  test('publishes a message and sees rejections with Zeebe’s codes', async () => {
    await zbc.publishMessage({
      name: 'anything',
      correlationKey: 'k-1',
      messageId: 'zeebe-node-1',
      variables: {},
      timeToLive: 10_000,
    });

    const duplicate = await grpcFailure(
      zbc.publishMessage({
        name: 'anything',
        correlationKey: 'k-1',
        messageId: 'zeebe-node-1',
        variables: {},
        timeToLive: 10_000,
      }),
    );
    expect(duplicate.code).toBe(status.ALREADY_EXISTS);

    const unknown = await grpcFailure(zbc.cancelProcessInstance('2251799813685000'));
    expect(unknown.code).toBe(status.NOT_FOUND);
    expect(unknown.details).toContain("Command 'CANCEL' rejected with code 'NOT_FOUND'");
  });
});
