/** ActivateJobs long polling: answered as soon as jobs appear, fairly, and on time. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, startTestEngine, type TestEngine } from '../harness';

describe('ActivateJobs long polling', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'long-poll.bpmn') });
  });
  afterAll(async () => {
    await t?.close();
  });

  const poll = (requestTimeout: number, maxJobsToActivate = 1) =>
    t.gateway.serverStream<{ jobs: { key: string; variables: string }[] }>('ActivateJobs', {
      type: 'prepare-shipment',
      worker: 'shipping',
      timeout: '60000',
      maxJobsToActivate,
      requestTimeout: String(requestTimeout),
    });

  test('a waiting poll is answered as soon as a job appears, with one response', async () => {
    // given a worker already polling
    const started = Date.now();
    const pending = poll(30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // when an instance creates a job
    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'long-poll-process',
      variables: { parcel: 1 },
    });

    // then the poll answers with it long before its timeout
    const responses = await pending;
    expect(responses).toHaveLength(1);
    expect(responses[0]?.jobs).toHaveLength(1);
    expect(JSON.parse(responses[0]!.jobs[0]!.variables)).toEqual({ parcel: 1 });
    expect(Date.now() - started).toBeLessThan(15_000);
    await t.zeebe.completeJob({ jobKey: responses[0]!.jobs[0]!.key, variables: {} });
  });

  test('several waiting polls of one type each get a job', async () => {
    const polls = [poll(30_000), poll(30_000), poll(30_000)];
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (const parcel of [1, 2, 3]) {
      await t.zeebe.createProcessInstance({
        bpmnProcessId: 'long-poll-process',
        variables: { parcel },
      });
    }

    const answers = await Promise.all(polls);
    const keys = answers.map((responses) => responses[0]?.jobs[0]?.key);
    expect(keys.every((key) => key !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) await t.zeebe.completeJob({ jobKey: key!, variables: {} });
  });

  test('a poll without jobs ends empty when its requestTimeout passes', async () => {
    const started = Date.now();

    const responses = await poll(700);

    expect(responses).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a negative requestTimeout disables long polling', async () => {
    const started = Date.now();

    expect(await poll(-1)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('activates at most maxJobsToActivate, leaving the rest to the next poll', async () => {
    for (const parcel of [1, 2, 3]) {
      await t.zeebe.createProcessInstance({
        bpmnProcessId: 'long-poll-process',
        variables: { parcel },
      });
    }

    const first = await poll(-1, 2);
    const second = await poll(-1, 2);

    expect(first[0]?.jobs).toHaveLength(2);
    expect(second[0]?.jobs).toHaveLength(1);
    for (const job of [...first[0]!.jobs, ...second[0]!.jobs]) {
      await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    }
  });

  test('a cancelled poll does not swallow the job', async () => {
    const cancelled = t.gateway.openStream(
      'ActivateJobs',
      {
        type: 'prepare-shipment',
        worker: 'gone',
        timeout: '60000',
        maxJobsToActivate: 1,
        requestTimeout: '30000',
      },
      () => {},
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    cancelled.cancel();
    await cancelled.ended;

    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'long-poll-process',
      variables: { parcel: 9 },
    });

    const responses = await poll(10_000);
    expect(JSON.parse(responses[0]!.jobs[0]!.variables)).toEqual({ parcel: 9 });
    await t.zeebe.completeJob({ jobKey: responses[0]!.jobs[0]!.key, variables: {} });
  });

  test('the SDK worker long-polls and completes jobs', async () => {
    const done: string[] = [];
    const worker = t.zeebe.createWorker({
      taskType: 'prepare-shipment',
      id: 'sdk-worker',
      timeout: 30_000,
      taskHandler: (job) => {
        done.push(String(job.variables.parcel));
        return job.complete({ shipped: true });
      },
    });
    try {
      const result = await t.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: 'long-poll-process',
        variables: { parcel: 'sdk' },
        requestTimeout: 20_000,
      });
      expect(result.variables).toMatchObject({ parcel: 'sdk', shipped: true });
      expect(done).toEqual(['sdk']);
    } finally {
      await worker.close();
    }
  });
});
