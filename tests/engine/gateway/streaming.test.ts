/** StreamActivatedJobs: jobs are pushed to open streams until the client cancels. */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, startTestEngine, waitFor, type TestEngine } from '../harness';

interface PushedJob {
  key: string;
  worker: string;
  variables: string;
}

describe('StreamActivatedJobs', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'streamed.bpmn') });
  });
  afterAll(async () => {
    await t?.close();
  });

  const open = (worker: string, pushed: PushedJob[]) =>
    t.gateway.openStream<PushedJob>(
      'StreamActivatedJobs',
      { type: 'print-label', worker, timeout: '60000', fetchVariable: ['label'] },
      (job) => pushed.push(job),
    );

  test('pushes each new job to an open stream, activated for that stream', async () => {
    const pushed: PushedJob[] = [];
    const stream = open('printer-1', pushed);
    await new Promise((resolve) => setTimeout(resolve, 200));

    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'streamed-process',
      variables: { label: 'A', other: 1 },
    });
    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'streamed-process',
      variables: { label: 'B', other: 2 },
    });

    await waitFor(async () => (pushed.length === 2 ? true : undefined));
    expect(pushed.map((job) => JSON.parse(job.variables))).toEqual([
      { label: 'A' },
      { label: 'B' },
    ]);
    expect(pushed.every((job) => job.worker === 'printer-1')).toBe(true);
    for (const job of pushed) await t.zeebe.completeJob({ jobKey: job.key, variables: {} });

    stream.cancel();
    expect((await stream.ended).code).toBe(status.CANCELLED);
  });

  test('shares jobs between two streams of one type, each job once', async () => {
    const first: PushedJob[] = [];
    const second: PushedJob[] = [];
    const streams = [open('printer-1', first), open('printer-2', second)];
    await new Promise((resolve) => setTimeout(resolve, 200));

    for (const label of ['C', 'D', 'E', 'F']) {
      await t.zeebe.createProcessInstance({
        bpmnProcessId: 'streamed-process',
        variables: { label },
      });
    }

    await waitFor(async () => (first.length + second.length === 4 ? true : undefined));
    const keys = [...first, ...second].map((job) => job.key);
    expect(new Set(keys).size).toBe(4);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    for (const key of keys) await t.zeebe.completeJob({ jobKey: key, variables: {} });
    for (const stream of streams) stream.cancel();
  });

  test('after the stream is cancelled, jobs wait for the next worker', async () => {
    const pushed: PushedJob[] = [];
    const stream = open('printer-3', pushed);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stream.cancel();
    await stream.ended;

    await t.zeebe.createProcessInstance({
      bpmnProcessId: 'streamed-process',
      variables: { label: 'G' },
    });

    const jobs = await waitFor(async () => {
      const activated = await t.zeebe.activateJobs({
        type: 'print-label',
        worker: 'poller',
        maxJobsToActivate: 5,
        timeout: 30_000,
        requestTimeout: -1,
      });
      return activated.length > 0 ? activated : undefined;
    });
    expect(jobs.map((job) => job.variables)).toEqual([{ label: 'G' }]);
    expect(pushed).toEqual([]);
    await t.zeebe.completeJob({ jobKey: jobs[0]!.key, variables: {} });
  });

  test('the SDK stream worker receives and completes jobs', async () => {
    const handled: string[] = [];
    const worker = t.newZeebeClient();
    worker.streamJobs({
      type: 'print-label',
      worker: 'sdk-stream',
      timeout: 30_000,
      tenantIds: [],
      pollInterval: 0,
      taskHandler: (job) => {
        handled.push(String(job.variables.label));
        return job.complete();
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const result = await t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'streamed-process',
      variables: { label: 'H' },
      requestTimeout: 20_000,
    });

    expect(result.variables).toEqual({ label: 'H' });
    expect(handled).toEqual(['H']);
    await worker.close();
  });
});
