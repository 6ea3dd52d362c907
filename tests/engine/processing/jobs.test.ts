import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accepted,
  activate,
  activateOne,
  createInstance,
  deploy,
  isCompleted,
  records,
  settle,
  startEngine,
  type EngineHarness,
} from './support';

describe('jobs', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'one-task.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  test('a job whose deadline passed is handed out again, without losing a retry', async () => {
    // given
    await createInstance(t.engine, 'one-task');
    const first = await activateOne(t.engine, 'work', 1_000);
    let available = 0;
    t.engine.onJobsAvailable('work', () => available++);

    // when
    t.clock.advance(1_001);
    await settle(t.engine);

    // then
    expect(available).toBeGreaterThan(0);
    const again = await activateOne(t.engine, 'work');
    expect(again.key).toBe(first.key);
    expect(again.retries).toBe(3);
    const kinds = (await records(t.knex)).map((r) => `${r.recordType} ${r.valueType} ${r.intent}`);
    expect(kinds).toContain('COMMAND JOB TIME_OUT');
    expect(kinds).toContain('EVENT JOB TIMED_OUT');
  });

  test('a job whose timeout was extended is not handed out at the old deadline', async () => {
    // given
    await createInstance(t.engine, 'one-task');
    const job = await activateOne(t.engine, 'work', 1_000);

    // when
    accepted(await t.engine.updateJobTimeout(job.key, 10_000));
    t.clock.advance(5_000);
    await settle(t.engine);

    // then
    expect(await activate(t.engine, 'work')).toEqual([]);
  });

  test('a failed job with retries left comes back after its back-off', async () => {
    // given
    await createInstance(t.engine, 'one-task');
    const job = await activateOne(t.engine, 'work');

    // when
    accepted(
      await t.engine.failJob(job.key, {
        retries: 2,
        errorMessage: 'register offline',
        retryBackOff: 10_000,
        variables: {},
      }),
    );

    // then
    expect(await activate(t.engine, 'work')).toEqual([]);
    t.clock.advance(9_000);
    await settle(t.engine);
    expect(await activate(t.engine, 'work')).toEqual([]);
    t.clock.advance(1_000);
    await settle(t.engine);
    const again = await activateOne(t.engine, 'work');
    expect(again.key).toBe(job.key);
    expect(again.retries).toBe(2);
  });

  test('a failed job without back-off is activatable at once', async () => {
    await createInstance(t.engine, 'one-task');
    const job = await activateOne(t.engine, 'work');
    accepted(
      await t.engine.failJob(job.key, {
        retries: 1,
        errorMessage: '',
        retryBackOff: 0,
        variables: {},
      }),
    );
    expect((await activateOne(t.engine, 'work')).retries).toBe(1);
  });

  test('no retries left: incident; resolving needs retries; after updating them the job runs again', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'one-task');
    const job = await activateOne(t.engine, 'work');

    // when
    accepted(
      await t.engine.failJob(job.key, {
        retries: 0,
        errorMessage: 'register offline',
        retryBackOff: 0,
        variables: { attempt: 1 },
      }),
    );

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT',
    );
    expect(incident?.value).toEqual(
      expect.objectContaining({
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'register offline',
        jobKey: job.key,
        elementId: 'task',
      }),
    );
    expect(await activate(t.engine, 'work')).toEqual([]);

    // resolving without retries is refused
    expect(await t.engine.resolveIncident(incident!.key)).toEqual({
      ok: false,
      rejection: {
        intent: 'RESOLVE',
        type: 'INVALID_STATE',
        reason: `Expected to resolve incident with key '${incident!.key}', but job with key '${job.key}' has no retries left. Please update the job retries and retry resolving the incident`,
      },
    });

    // when retries are updated and the incident resolved
    accepted(await t.engine.updateJobRetries(job.key, 1));
    accepted(await t.engine.resolveIncident(incident!.key));

    // then the job runs again, with the failure's variables set locally on the task
    const again = await activateOne(t.engine, 'work');
    expect(again.retries).toBe(1);
    expect(again.variables).toEqual({ attempt: 1 });
    accepted(await t.engine.completeJob(again.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('updating retries to zero is INVALID_ARGUMENT', async () => {
    await createInstance(t.engine, 'one-task');
    const job = await activateOne(t.engine, 'work');
    const result = await t.engine.updateJobRetries(job.key, 0);
    expect(result).toEqual({
      ok: false,
      rejection: {
        intent: 'UPDATE_RETRIES',
        type: 'INVALID_ARGUMENT',
        reason: `Expected to update retries for job with key '${job.key}' with a positive amount of retries, but the amount given was '0'`,
      },
    });
  });

  test('job type and retries may be FEEL; a failing job type is an incident that resolving retries', async () => {
    // given
    await deploy(t.engine, 'job-type-expression.bpmn');

    // when
    const processInstanceKey = await createInstance(t.engine, 'job-type-expression', {
      retryCount: 5,
    });

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT',
    );
    expect(incident?.value).toEqual(
      expect.objectContaining({
        errorType: 'EXTRACT_VALUE_ERROR',
        errorMessage: expect.stringContaining(
          "jobType' to be 'STRING', but was 'NULL'.",
        ) as unknown,
        elementId: 'task',
      }),
    );

    // when
    accepted(await t.engine.setVariables(processInstanceKey, { jobType: 'dynamic-work' }, false));
    accepted(await t.engine.resolveIncident(incident!.key));

    // then
    const job = await activateOne(t.engine, 'dynamic-work');
    expect(job.retries).toBe(5);
  });

  test.each([
    ['completeJob', 'complete'],
    ['failJob', 'fail'],
    ['throwError', 'throw an error for'],
  ] as const)('%s on an unknown job is NOT_FOUND', async (method, action) => {
    const key = '2251799813999999';
    const result =
      method === 'completeJob'
        ? await t.engine.completeJob(key, {})
        : method === 'failJob'
          ? await t.engine.failJob(key, {
              retries: 1,
              errorMessage: '',
              retryBackOff: 0,
              variables: {},
            })
          : await t.engine.throwError(key, { errorCode: 'X', errorMessage: '', variables: {} });
    expect(!result.ok && result.rejection).toEqual(
      expect.objectContaining({
        type: 'NOT_FOUND',
        reason: `Expected to ${action} job with key '${key}', but no such job was found`,
      }),
    );
  });

  test('updating retries or timeout of an unknown job is NOT_FOUND', async () => {
    const retries = await t.engine.updateJobRetries('2251799813999999', 3);
    const timeout = await t.engine.updateJobTimeout('2251799813999999', 3);
    expect(!retries.ok && retries.rejection.reason).toBe(
      "Expected to update retries for job with key '2251799813999999', but no such job was found",
    );
    expect(!timeout.ok && timeout.rejection.reason).toBe(
      "Expected to update job deadline with key '2251799813999999', but no such job was found",
    );
  });

  test('activation returns only the variables asked for', async () => {
    // given
    await createInstance(t.engine, 'one-task', { a: 1, b: 2 });

    // when
    const jobs = accepted(
      await t.engine.activateJobs({
        type: 'work',
        worker: 'w',
        timeout: 1000,
        maxJobsToActivate: 5,
        fetchVariable: ['a', 'missing'],
        tenantIds: [],
      }),
    );

    // then
    expect(jobs.map((job) => job.variables)).toEqual([{ a: 1 }]);
  });
});
