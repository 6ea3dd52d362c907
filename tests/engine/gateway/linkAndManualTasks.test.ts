/**
 * Elements that move the token without a worker, over gRPC: link throw → catch events (in the
 * process and in a subprocess), undefined tasks and manual tasks (pass through with mappings).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, startTestEngine, type TestEngine } from '../harness';
import { elementEvents, records } from '../processing/support';

describe('link events, undefined and manual tasks', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'link-events.bpmn') });
    await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'manual-steps.bpmn') });
  });
  afterAll(async () => {
    await t?.close();
  });

  const jobOf = async (type: string) => {
    const jobs = await t.zeebe.activateJobs({
      type,
      worker: 'pass-through-test',
      maxJobsToActivate: 1,
      timeout: 30_000,
      requestTimeout: -1,
    });
    expect(jobs).toHaveLength(1);
    return jobs[0]!;
  };

  const processState = async (processInstanceKey: string) =>
    (
      (await t.knex
        .withSchema('engine')
        .from('process_instances')
        .where('key', processInstanceKey)
        .first('state')) as { state: string }
    ).state;

  test('a link throw event continues at the catch event with the same name, in the process and in a subprocess', async () => {
    // given
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'link-events',
      variables: {},
    });

    // when
    const intake = await jobOf('link-intake');
    await t.zeebe.completeJob({ jobKey: intake.key, variables: {} });

    // then the token jumped twice and the throw event's output mapping applied
    const review = await jobOf('link-review');
    expect(review.variables).toEqual({ jumpedFrom: 'intake' });
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events.filter((e) => /^(goReview|reviewHere|goCheck|checkHere):/.test(e))).toEqual([
      'goReview:ELEMENT_ACTIVATING',
      'goReview:ELEMENT_ACTIVATED',
      'goReview:ELEMENT_COMPLETING',
      'goReview:ELEMENT_COMPLETED',
      'reviewHere:ELEMENT_ACTIVATING',
      'reviewHere:ELEMENT_ACTIVATED',
      'reviewHere:ELEMENT_COMPLETING',
      'reviewHere:ELEMENT_COMPLETED',
      'goCheck:ELEMENT_ACTIVATING',
      'goCheck:ELEMENT_ACTIVATED',
      'goCheck:ELEMENT_COMPLETING',
      'goCheck:ELEMENT_COMPLETED',
      'checkHere:ELEMENT_ACTIVATING',
      'checkHere:ELEMENT_ACTIVATED',
      'checkHere:ELEMENT_COMPLETING',
      'checkHere:ELEMENT_COMPLETED',
    ]);
    const catchEvent = (await records(t.knex, processInstanceKey)).find(
      (r) => r.value.elementId === 'reviewHere' && r.intent === 'ELEMENT_ACTIVATING',
    );
    expect(catchEvent?.value).toMatchObject({
      bpmnElementType: 'INTERMEDIATE_CATCH_EVENT',
      bpmnEventType: 'LINK',
    });
    // the subprocess did not end when its throw event completed
    expect(events).not.toContain('details:ELEMENT_COMPLETED');

    // when
    await t.zeebe.completeJob({ jobKey: review.key, variables: {} });

    // then
    expect(await processState(processInstanceKey)).toBe('COMPLETED');
  });

  test('undefined and manual tasks pass the token on, applying their mappings', async () => {
    // given
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'manual-steps',
      variables: { applicant: 'Anna' },
    });

    // when the worker after them gets its job
    const file = await jobOf('manual-file');

    // then both completed on their own
    expect(file.variables).toEqual({
      applicant: 'Anna',
      noteText: 'noted for Anna',
      stamped: true,
    });
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toEqual(
      expect.arrayContaining(['note:ELEMENT_COMPLETED', 'stamp:ELEMENT_COMPLETED']),
    );
    const types = (await records(t.knex, processInstanceKey))
      .filter(
        (r) =>
          r.intent === 'ELEMENT_COMPLETED' && ['note', 'stamp'].includes(String(r.value.elementId)),
      )
      .map((r) => r.value.bpmnElementType);
    expect(types).toEqual(['TASK', 'MANUAL_TASK']);

    // when
    await t.zeebe.completeJob({ jobKey: file.key, variables: {} });

    // then
    expect(await processState(processInstanceKey)).toBe('COMPLETED');
  });
});
