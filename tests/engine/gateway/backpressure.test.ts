/**
 * Backpressure: above the in-flight limit, new work (creations, messages) is RESOURCE_EXHAUSTED
 * with Zeebe's texts and changes nothing; job commands are always accepted, so workers drain the
 * load. The burst goes over one connection, so the engine sees the requests in the order sent.
 */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, startTestEngine, waitFor, type TestEngine } from '../harness';

/** Zeebe's gateway after every partition refused a creation (RequestRetriesExhaustedException). */
const ALL_PARTITIONS_REFUSED =
  'Expected to execute the command on one of the partitions, but all failed; there are no more partitions available to retry. Please try again. If the error persists contact your zeebe operator';
/** Zeebe's broker at its request limit (ErrorResponseWriter). */
const CAPACITY_REACHED = 'Reached maximum capacity of requests handled';

type Outcome<T> = { ok: true; value: T } | { ok: false; code: number; details: string };

function outcome<T>(call: Promise<T>): Promise<Outcome<T>> {
  return call.then(
    (value) => ({ ok: true as const, value }),
    (error: { code: number; details: string }) => ({
      ok: false as const,
      code: error.code,
      details: error.details,
    }),
  );
}

const refusals = <T>(outcomes: Outcome<T>[]) =>
  outcomes.filter((o): o is Extract<Outcome<T>, { ok: false }> => !o.ok);
const accepted = <T>(outcomes: Outcome<T>[]) =>
  outcomes.filter((o): o is Extract<Outcome<T>, { ok: true }> => o.ok).map((o) => o.value);

describe('backpressure', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine({ maxInFlightCommands: 4 });
    await t.zeebe.deployResources([
      { processFilename: bpmn(import.meta.url, 'prepared-work.bpmn') },
      { processFilename: bpmn(import.meta.url, 'burst-work.bpmn') },
      { processFilename: bpmn(import.meta.url, 'instant.bpmn') },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const activate = (type: string) =>
    t.zeebe.activateJobs({
      type,
      worker: 'backpressure-test',
      maxJobsToActivate: 1000,
      timeout: 60_000,
      requestTimeout: -1,
    });

  test('a burst of new work is partly refused; job commands in the burst all succeed; nothing accepted is lost', async () => {
    // given twelve activated jobs, created one at a time
    for (let i = 0; i < 12; i++) {
      await t.zeebe.createProcessInstance({ bpmnProcessId: 'prepared-work', variables: { i } });
    }
    const jobs = await activate('prepared-work');
    expect(jobs).toHaveLength(12);

    // when creations are sent well above the limit, the job commands in their middle
    const create = (i: number) =>
      outcome(
        t.gateway.unary<{ processInstanceKey: string }>('CreateProcessInstance', {
          bpmnProcessId: 'burst-work',
          version: -1,
          variables: JSON.stringify({ i }),
        }),
      );
    const createsBefore = Array.from({ length: 60 }, (_, i) => create(i));
    const jobCommands = jobs.map((job, i) =>
      outcome(
        i % 3 === 0
          ? t.gateway.unary('CompleteJob', { jobKey: job.key, variables: '{}' })
          : i % 3 === 1
            ? t.gateway.unary('FailJob', {
                jobKey: job.key,
                retries: 1,
                errorMessage: 'try again',
                retryBackOff: '0',
              })
            : t.gateway.unary('ThrowError', {
                jobKey: job.key,
                errorCode: 'NOT_CAUGHT',
                errorMessage: 'no boundary event',
              }),
      ),
    );
    const createsAfter = Array.from({ length: 60 }, (_, i) => create(60 + i));
    const withResult = Array.from({ length: 20 }, () =>
      outcome(
        t.gateway.unary<{ processInstanceKey: string }>('CreateProcessInstanceWithResult', {
          request: { bpmnProcessId: 'instant', version: -1 },
          requestTimeout: '20000',
        }),
      ),
    );
    const messages = Array.from({ length: 20 }, (_, i) =>
      outcome(
        t.gateway.unary('PublishMessage', {
          name: 'nobody-waits',
          correlationKey: `k-${i}`,
          timeToLive: '0',
        }),
      ),
    );

    // then every job command succeeded
    expect(refusals(await Promise.all(jobCommands))).toEqual([]);

    // and some creations were refused, after the job commands too, with Zeebe's status and text
    const before = await Promise.all(createsBefore);
    const after = await Promise.all(createsAfter);
    const creates = [...before, ...after];
    expect(refusals(creates).length).toBeGreaterThan(0);
    expect(refusals(after).length).toBeGreaterThan(0);
    expect(accepted(creates).length).toBeGreaterThan(0);
    for (const refused of refusals(creates)) {
      expect(refused).toEqual({
        ok: false,
        code: status.RESOURCE_EXHAUSTED,
        details: ALL_PARTITIONS_REFUSED,
      });
    }
    for (const refused of refusals(await Promise.all(withResult))) {
      expect(refused).toEqual({
        ok: false,
        code: status.RESOURCE_EXHAUSTED,
        details: ALL_PARTITIONS_REFUSED,
      });
    }
    const published = await Promise.all(messages);
    expect(refusals(published).length).toBeGreaterThan(0);
    for (const refused of refusals(published)) {
      expect(refused).toEqual({
        ok: false,
        code: status.RESOURCE_EXHAUSTED,
        details: CAPACITY_REACHED,
      });
    }

    // and every accepted creation has its instance waiting at its job, and no refused one has
    const acceptedKeys = accepted(creates).map((created) => created.processInstanceKey);
    const jobInstances: string[] = [];
    await waitFor(async () => {
      for (const job of await activate('burst-work')) jobInstances.push(job.processInstanceKey);
      return jobInstances.length >= acceptedKeys.length ? true : undefined;
    });
    expect(await activate('burst-work')).toEqual([]);
    expect(new Set(jobInstances)).toEqual(new Set(acceptedKeys));
    expect(jobInstances).toHaveLength(acceptedKeys.length);
  });

  test('after the burst, new work is accepted again', async () => {
    for (let i = 0; i < 3; i++) {
      const created = await t.gateway.unary<{ processInstanceKey: string }>(
        'CreateProcessInstance',
        { bpmnProcessId: 'burst-work', version: -1 },
      );
      expect(created.processInstanceKey).toMatch(/^\d+$/);
    }
    const result = await t.gateway.unary<{ bpmnProcessId: string }>(
      'CreateProcessInstanceWithResult',
      { request: { bpmnProcessId: 'instant', version: -1 }, requestTimeout: '20000' },
    );
    expect(result.bpmnProcessId).toBe('instant');
    const message = await t.gateway.unary<{ key: string }>('PublishMessage', {
      name: 'nobody-waits',
      correlationKey: 'after',
      timeToLive: '0',
    });
    expect(message.key).toMatch(/^\d+$/);
  });
});
