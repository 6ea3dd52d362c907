/** Multi-instance over gRPC: a parallel service task with output collection, a message boundary. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, startTestEngine, waitFor, type TestEngine } from '../harness';

describe('multi-instance over gRPC', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResource({
      processFilename: bpmn(import.meta.url, 'collect-signatures.bpmn'),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  test('an SDK worker signs for each signer; the result has the signatures in input order', async () => {
    // given
    const signed: string[] = [];
    const worker = t.zeebe.createWorker({
      taskType: 'sign',
      id: 'sign-worker',
      timeout: 30_000,
      maxJobsToActivate: 10,
      taskHandler: (job) => {
        signed.push(`${String(job.variables.loopCounter)}:${String(job.variables.signer)}`);
        return job.complete({ signature: `signed by ${String(job.variables.signer)}` });
      },
    });
    try {
      // when
      const result = await t.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'collect-signatures',
        variables: { applicationId: 'A-1', signers: ['mayor', 'clerk', 'treasurer'] },
        requestTimeout: 20_000,
      });

      // then
      expect(result.variables).toEqual({
        applicationId: 'A-1',
        signers: ['mayor', 'clerk', 'treasurer'],
        signatures: ['signed by mayor', 'signed by clerk', 'signed by treasurer'],
      });
      expect(signed.sort()).toEqual(['1:mayor', '2:clerk', '3:treasurer']);
    } finally {
      await worker.close();
    }
  });

  test('a message boundary event on the multi-instance activity terminates all its instances', async () => {
    // given
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'collect-signatures',
      variables: { applicationId: 'A-2', signers: ['mayor', 'clerk'] },
    });
    await waitFor(async () => {
      const jobs = await t.zeebe.activateJobs({
        type: 'sign',
        worker: 'test-worker',
        maxJobsToActivate: 10,
        timeout: 30_000,
        requestTimeout: -1,
      });
      return jobs.length === 2 ? jobs : undefined;
    });

    // when
    await t.zeebe.publishMessage({
      name: 'application-withdrawn',
      correlationKey: 'A-2',
      variables: {},
      timeToLive: 0,
    });

    // then
    const state = await waitFor(async () => {
      const row = (await t.knex
        .withSchema('engine')
        .from('process_instances')
        .where('key', processInstanceKey)
        .first('state')) as { state: string } | undefined;
      return row?.state === 'COMPLETED' ? row.state : undefined;
    });
    expect(state).toBe('COMPLETED');
    const terminated = (await t.knex
      .withSchema('engine')
      .from('records')
      .where({ process_instance_key: processInstanceKey, intent: 'ELEMENT_TERMINATED' })
      .select('value')) as { value: { elementId: string; bpmnElementType: string } }[];
    expect(terminated.map((r) => r.value.bpmnElementType).sort()).toEqual([
      'MULTI_INSTANCE_BODY',
      'SERVICE_TASK',
      'SERVICE_TASK',
    ]);
  });
});
