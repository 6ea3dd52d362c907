/** PublishMessage (buffering, ids) and BroadcastSignal. */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, waitFor, type TestEngine } from '../harness';

describe('messages and signals', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResources([
      { processFilename: bpmn(import.meta.url, 'await-payment.bpmn') },
      { processFilename: bpmn(import.meta.url, 'await-cancellation.bpmn') },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const shipJobs = () =>
    t.zeebe.activateJobs({
      type: 'ship-order',
      worker: 'shipping',
      maxJobsToActivate: 10,
      timeout: 30_000,
      requestTimeout: -1,
    });

  test('a message correlates to a waiting instance, with its variables', async () => {
    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'await-payment',
      variables: { orderId: 'C-1' },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const published = await t.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: 'C-1',
      variables: { paidAmount: 99 },
      timeToLive: 0,
    });
    expect(published.key).toMatch(/^\d+$/);

    const [job] = await waitFor(async () => {
      const jobs = await shipJobs();
      return jobs.length > 0 ? jobs : undefined;
    });
    expect(job?.variables).toEqual({ orderId: 'C-1', paidAmount: 99 });
    await t.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  test('a message published before the subscription is buffered for its time to live', async () => {
    // given a message published before any instance waits for it
    await t.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: 'C-2',
      variables: { paidAmount: 10 },
      timeToLive: 60_000,
    });

    // when an instance starts waiting for it
    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'await-payment',
      variables: { orderId: 'C-2' },
    });

    // then it correlates at once
    const [job] = await waitFor(async () => {
      const jobs = await shipJobs();
      return jobs.length > 0 ? jobs : undefined;
    });
    expect(job?.variables).toEqual({ orderId: 'C-2', paidAmount: 10 });
    await t.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  test('a buffered message expires with its time to live (engine clock)', async () => {
    await t.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: 'C-3',
      variables: {},
      timeToLive: 60_000,
    });
    t.clock.advance(120_000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'await-payment',
      variables: { orderId: 'C-3' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(await shipJobs()).toEqual([]);
  });

  test('a second message with the same id while the first lives is ALREADY_EXISTS', async () => {
    const message = {
      name: 'payment-received',
      correlationKey: 'C-4',
      messageId: 'payment-C-4',
      variables: {},
      timeToLive: 60_000,
    };
    await t.zeebe.publishMessage(message);

    expect(await grpcFailure(t.zeebe.publishMessage(message))).toEqual({
      code: status.ALREADY_EXISTS,
      details:
        "Command 'PUBLISH' rejected with code 'ALREADY_EXISTS': Expected to publish a new message with id 'payment-C-4', but a message with that id was already published",
    });
  });

  test('a broadcast signal reaches a waiting instance', async () => {
    const result = t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'await-cancellation',
      variables: { orderId: 'C-5' },
      requestTimeout: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signal = await t.zeebe.broadcastSignal({
      signalName: 'order-cancelled',
      variables: { by: 'clerk' },
    });

    expect(signal).toMatchObject({ tenantId: '<default>' });
    expect((await result).variables).toEqual({ orderId: 'C-5', by: 'clerk' });
  });
});
