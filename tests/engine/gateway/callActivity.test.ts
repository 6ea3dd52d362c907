/** Call activities over gRPC: with result, BPMN errors from the child, cancel cascading. */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, waitFor, type TestEngine } from '../harness';

describe('call activity over gRPC', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResources([
      { processFilename: bpmn(import.meta.url, 'register-dog.bpmn') },
      { processFilename: bpmn(import.meta.url, 'check-resident.bpmn') },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const activate = (type: string) =>
    t.zeebe.activateJobs({
      type,
      worker: 'test-worker',
      maxJobsToActivate: 10,
      timeout: 30_000,
      requestTimeout: -1,
    });

  const childStates = async (parentKey: string) =>
    (await t.knex
      .withSchema('engine')
      .from('process_instances')
      .where('parent_process_instance_key', parentKey)
      .select('bpmn_process_id', 'state')) as { bpmn_process_id: string; state: string }[];

  test('CreateProcessInstanceWithResult answers when the parent completed after its child', async () => {
    // given a worker for the task of the called process
    const worker = t.zeebe.createWorker({
      taskType: 'lookup-resident',
      id: 'resident-worker',
      timeout: 30_000,
      taskHandler: (job) => job.complete({ ownerFound: job.variables.ownerId === 'P-1', row: 17 }),
    });
    try {
      // when
      const result = await t.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'register-dog',
        variables: { checkKind: 'resident', ownerId: 'P-1' },
        requestTimeout: 20_000,
      });

      // then only the output mapping came back from the child
      expect(result.variables).toEqual({
        checkKind: 'resident',
        ownerId: 'P-1',
        ownerVerified: true,
      });
      expect(await childStates(result.processInstanceKey)).toEqual([
        { bpmn_process_id: 'check-resident', state: 'COMPLETED' },
      ]);
    } finally {
      await worker.close();
    }
  });

  test('a BPMN error thrown by a worker in the child is caught at the call activity', async () => {
    // given
    const worker = t.zeebe.createWorker({
      taskType: 'lookup-resident',
      id: 'resident-worker',
      timeout: 30_000,
      taskHandler: (job) =>
        job.error({ errorCode: 'OWNER_UNKNOWN', errorMessage: 'no such resident', variables: {} }),
    });
    try {
      // when
      const result = await t.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'register-dog',
        variables: { checkKind: 'resident', ownerId: 'P-404' },
        requestTimeout: 20_000,
      });

      // then the parent took the error path and the child was terminated
      expect(result.variables).toEqual({ checkKind: 'resident', ownerId: 'P-404' });
      const ended = (await t.knex
        .withSchema('engine')
        .from('records')
        .where({ process_instance_key: result.processInstanceKey, intent: 'ELEMENT_COMPLETED' })
        .select('value')) as { value: { elementId: string } }[];
      expect(ended.map((r) => r.value.elementId)).toContain('rejected');
      expect(await childStates(result.processInstanceKey)).toEqual([
        { bpmn_process_id: 'check-resident', state: 'TERMINATED' },
      ]);
    } finally {
      await worker.close();
    }
  });

  test('canceling the parent cancels the child: its job is gone', async () => {
    // given
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'register-dog',
      variables: { checkKind: 'resident', ownerId: 'P-2' },
    });
    const [job] = await waitFor(async () => {
      const jobs = await activate('lookup-resident');
      return jobs.length > 0 ? jobs : undefined;
    });

    // when
    await t.zeebe.cancelProcessInstance(processInstanceKey);

    // then
    expect(await childStates(processInstanceKey)).toEqual([
      { bpmn_process_id: 'check-resident', state: 'TERMINATED' },
    ]);
    expect(
      await grpcFailure(t.zeebe.completeJob({ jobKey: job!.key, variables: {} })),
    ).toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});
