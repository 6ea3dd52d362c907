/** ActivateJobs, CompleteJob, FailJob, ThrowError, UpdateJobRetries/Timeout, ResolveIncident. */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, waitFor, type TestEngine } from '../harness';
import { incidentKeyOf } from './incidents';

describe('jobs', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResources([
      { processFilename: bpmn(import.meta.url, 'order-process.bpmn') },
      { processFilename: bpmn(import.meta.url, 'payment-retry.bpmn') },
      { processFilename: bpmn(import.meta.url, 'validate-order.bpmn') },
      { processFilename: bpmn(import.meta.url, 'waits-forever.bpmn') },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const activate = (type: string, extra: { fetchVariable?: string[]; timeout?: number } = {}) =>
    t.zeebe.activateJobs({
      type,
      worker: 'test-worker',
      maxJobsToActivate: 10,
      timeout: extra.timeout ?? 30_000,
      requestTimeout: -1,
      ...(extra.fetchVariable ? { fetchVariable: extra.fetchVariable } : {}),
    });

  test('activates a job with its headers and variables; completing it completes the task', async () => {
    // given an instance waiting at "charge card", started with a result request
    const result = t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'order-process',
      variables: { orderId: 'B-1', amount: 120 },
      requestTimeout: 20_000,
    });
    const jobs = await waitFor(async () => {
      const activated = await activate('charge-card');
      return activated.length > 0 ? activated : undefined;
    });

    // then the job carries what a worker needs
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job).toMatchObject({
      type: 'charge-card',
      bpmnProcessId: 'order-process',
      processDefinitionVersion: 1,
      elementId: 'charge-card',
      worker: 'test-worker',
      retries: 3,
      tenantId: '<default>',
    });
    expect(job.customHeaders).toEqual({ 'portal:milestone': 'payment' });
    expect(job.variables).toEqual({ orderId: 'B-1', amount: 120 });
    expect(Number(job.deadline)).toBeGreaterThan(t.clock.now());

    // when the worker completes it with variables
    await t.zeebe.completeJob({ jobKey: job.key, variables: { charged: true } });

    // then the instance completes with them
    expect((await result).variables).toEqual({ orderId: 'B-1', amount: 120, charged: true });
    // and the job is gone
    expect(
      await grpcFailure(t.zeebe.completeJob({ jobKey: job.key, variables: {} })),
    ).toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  test('fetchVariable limits the variables of an activated job', async () => {
    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'waits-forever',
      variables: { orderId: 'B-2', customer: { name: 'Muster' } },
    });

    const [job] = await activate('manual-review', { fetchVariable: ['orderId'] });

    expect(job?.variables).toEqual({ orderId: 'B-2' });
    await t.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  test('an activated job is not handed out again until its timeout passes', async () => {
    await t.zeebe.createProcessInstance({ bpmnProcessId: 'waits-forever', variables: {} });
    const [job] = await activate('manual-review', { timeout: 60_000 });
    expect(job).toBeDefined();

    expect(await activate('manual-review')).toEqual([]);

    t.clock.advance(60_001);
    const again = await waitFor(async () => {
      const activated = await activate('manual-review');
      return activated.length > 0 ? activated : undefined;
    });
    expect(again.map((j) => j.key)).toEqual([job!.key]);
    await t.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  test('fail with retries left: the job comes back with the given retries', async () => {
    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'payment-retry',
      variables: { orderId: 'B-3' },
    });
    const [job] = await activate('collect-payment');

    await t.zeebe.failJob({
      jobKey: job!.key,
      retries: 2,
      errorMessage: 'card declined',
      retryBackOff: 0,
    });

    const [retried] = await activate('collect-payment');
    expect(retried).toMatchObject({ key: job!.key, retries: 2 });
    await t.zeebe.completeJob({ jobKey: retried!.key, variables: {} });
  });

  test('fail with a retry backoff: the job waits for the engine clock', async () => {
    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'payment-retry',
      variables: { orderId: 'B-4' },
    });
    const [job] = await activate('collect-payment');

    await t.zeebe.failJob({
      jobKey: job!.key,
      retries: 1,
      errorMessage: 'gateway timeout',
      retryBackOff: 3_600_000,
    });
    expect(await activate('collect-payment')).toEqual([]);

    // a long poll waiting for the job is answered once the backoff has elapsed
    const poll = t.zeebe.activateJobs({
      type: 'collect-payment',
      worker: 'test-worker',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: 20_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    t.clock.advance(3_600_001);

    const [retried] = await poll;
    expect(retried).toMatchObject({ key: job!.key, retries: 1 });
    await t.zeebe.completeJob({ jobKey: retried!.key, variables: {} });
  });

  test('no retries left: incident; update retries and resolve it, then the job completes', async () => {
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'payment-retry',
      variables: { orderId: 'B-5' },
    });
    const [job] = await activate('collect-payment');

    // when the worker gives up
    await t.zeebe.failJob({
      jobKey: job!.key,
      retries: 0,
      errorMessage: 'account closed',
      retryBackOff: 0,
    });

    // then there is an incident, and the job is not activatable
    const incidentKey = await waitFor(() => incidentKeyOf(t, processInstanceKey));
    expect(await activate('collect-payment')).toEqual([]);
    expect(
      await grpcFailure(t.zeebe.completeJob({ jobKey: job!.key, variables: {} })),
    ).toMatchObject({
      code: status.FAILED_PRECONDITION,
    });

    // when an operator gives it retries and resolves the incident
    await t.zeebe.updateJobRetries({ jobKey: job!.key, retries: 1 });
    await t.zeebe.resolveIncident({ incidentKey });

    // then the job is activatable again and completes
    const [again] = await activate('collect-payment');
    expect(again).toMatchObject({ key: job!.key, retries: 1 });
    await t.zeebe.completeJob({ jobKey: again!.key, variables: {} });
    expect(await grpcFailure(t.zeebe.resolveIncident({ incidentKey }))).toEqual({
      code: status.NOT_FOUND,
      details: `Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
    });
  });

  test('a thrown error is caught by the boundary event with its variables', async () => {
    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'validate-order',
      variables: { orderId: 'B-6' },
    });
    const [job] = await activate('validate-order');

    await t.zeebe.throwError({
      jobKey: job!.key,
      errorCode: 'ORDER_INVALID',
      errorMessage: 'postcode unknown',
      variables: { rejectionReason: 'postcode unknown' },
    });

    const [rejection] = await waitFor(async () => {
      const activated = await activate('reject-order');
      return activated.length > 0 ? activated : undefined;
    });
    expect(rejection).toMatchObject({ elementId: 'reject-order' });
    expect(rejection?.variables).toMatchObject({
      orderId: 'B-6',
      rejectionReason: 'postcode unknown',
    });
    await t.zeebe.completeJob({ jobKey: rejection!.key, variables: {} });
  });

  test('an error no boundary event catches raises an incident', async () => {
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'payment-retry',
      variables: { orderId: 'B-7' },
    });
    const [job] = await activate('collect-payment');

    await t.zeebe.throwError({
      jobKey: job!.key,
      errorCode: 'NOBODY_CATCHES_THIS',
      errorMessage: 'x',
    });

    expect(await waitFor(() => incidentKeyOf(t, processInstanceKey))).toMatch(/^\d+$/);
  });

  test('retries must be positive when updated', async () => {
    await t.zeebe.createProcessInstance({ bpmnProcessId: 'waits-forever', variables: {} });
    const [job] = await activate('manual-review');

    expect(await grpcFailure(t.zeebe.updateJobRetries({ jobKey: job!.key, retries: 0 }))).toEqual({
      code: status.INVALID_ARGUMENT,
      details: `Command 'UPDATE_RETRIES' rejected with code 'INVALID_ARGUMENT': Expected to update retries for job with key '${job!.key}' with a positive amount of retries, but the amount given was '0'`,
    });
    await t.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  test('updates the timeout of an activated job', async () => {
    await t.zeebe.createProcessInstance({ bpmnProcessId: 'waits-forever', variables: {} });
    const [job] = await activate('manual-review', { timeout: 1_000 });

    await t.zeebe.updateJobTimeout({ jobKey: job!.key, timeout: 600_000 });
    t.clock.advance(2_000);

    expect(await activate('manual-review')).toEqual([]);
    await t.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  describe('unknown keys are NOT_FOUND with Zeebe’s message', () => {
    const key = '2251799813685000';
    test.each([
      [
        'CompleteJob',
        { jobKey: key, variables: '' },
        `Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '${key}', but no such job was found`,
      ],
      [
        'FailJob',
        { jobKey: key, retries: 1 },
        `Command 'FAIL' rejected with code 'NOT_FOUND': Expected to fail job with key '${key}', but no such job was found`,
      ],
      [
        'ThrowError',
        { jobKey: key, errorCode: 'X' },
        `Command 'THROW_ERROR' rejected with code 'NOT_FOUND': Expected to throw an error for job with key '${key}', but no such job was found`,
      ],
      [
        'UpdateJobRetries',
        { jobKey: key, retries: 3 },
        `Command 'UPDATE_RETRIES' rejected with code 'NOT_FOUND': Expected to update retries for job with key '${key}', but no such job was found`,
      ],
      [
        'UpdateJobTimeout',
        { jobKey: key, timeout: '1000' },
        `Command 'UPDATE_TIMEOUT' rejected with code 'NOT_FOUND': Expected to update job deadline with key '${key}', but no such job was found`,
      ],
      [
        'ResolveIncident',
        { incidentKey: key },
        `Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to resolve incident with key '${key}', but no such incident was found`,
      ],
      [
        'CancelProcessInstance',
        { processInstanceKey: key },
        `Command 'CANCEL' rejected with code 'NOT_FOUND': Expected to cancel a process instance with key '${key}', but no such process was found`,
      ],
    ])('%s', async (method, request, details) => {
      expect(await grpcFailure(t.gateway.unary(method, request))).toEqual({
        code: status.NOT_FOUND,
        details,
      });
    });
  });
});
