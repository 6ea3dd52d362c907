/**
 * The worker adapter against a real Zeebe gateway (the embedded engine over gRPC, driven by
 * @camunda8/sdk's createWorker): complete, BPMN error caught by a boundary event, fail with
 * retries (re-activated), and fail without retries (an incident).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { RegisterService } from '../../../server/src/register/register.service';
import type { JobOutcome } from '../../../server/src/workers/job';
import {
  REGISTER_LOOKUP,
  registerLookup,
} from '../../../server/src/workers/register-lookup.worker';
import { zeebeTaskHandler } from '../../../server/src/workers/zeebeAdapter';
import { bpmn, startTestEngine, waitFor, type TestEngine } from '../../engine/harness';
import { incidentKeyOf } from '../../engine/gateway/incidents';
import { usingPostgres } from '../../support/database';

let t: TestEngine;
const workers: { close(): unknown }[] = [];
const flakyRetriesSeen: number[] = [];

beforeAll(async () => {
  t = await startTestEngine();
  await migrateServer({
    knex: t.knex,
    kind: usingPostgres ? 'postgres' : 'pglite',
    close: async () => {},
  });
  const register = new RegisterService(t.knex, new AuditService(t.knex));
  await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'residence-check.bpmn') });
  await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'flaky-task.bpmn') });
  workers.push(
    t.zeebe.createWorker({
      taskType: REGISTER_LOOKUP,
      timeout: 30_000,
      taskHandler: zeebeTaskHandler(registerLookup, { register }),
    }),
    t.zeebe.createWorker({
      taskType: 'record-outcome',
      timeout: 30_000,
      taskHandler: (job) => job.complete({ outcome: String(job.customHeaders.outcome) }),
    }),
    t.zeebe.createWorker({
      taskType: 'flaky-task',
      timeout: 30_000,
      taskHandler: zeebeTaskHandler(async (job): Promise<JobOutcome> => {
        flakyRetriesSeen.push(job.retries);
        return job.retries === 3
          ? { kind: 'fail', message: 'register briefly unavailable', retries: job.retries - 1 }
          : { kind: 'complete', variables: { attempts: 2 } };
      }, {}),
    }),
  );
});

afterAll(async () => {
  for (const worker of workers) await worker.close();
  await t?.close();
});

const person = (overrides: Record<string, string> = {}) => ({
  tenantId: 'luzern',
  lastName: 'Keller',
  firstName: 'Lea',
  birthDate: '1999-05-28',
  ...overrides,
});

describe('zeebeTaskHandler over gRPC', () => {
  it.each([
    [
      'one resident: the job completes with the address',
      person(),
      { resident: { street: 'Bruchstrasse' } },
    ],
    [
      'nobody: RESIDENT_NOT_FOUND is caught by its boundary event',
      person({ birthDate: '1999-05-29' }),
      { outcome: 'not_found' },
    ],
    [
      'two: RESIDENT_AMBIGUOUS is caught by its boundary event',
      person({ lastName: 'Meier', firstName: 'Peter', birthDate: '1975-06-14' }),
      { outcome: 'ambiguous' },
    ],
  ])('%s', async (_what, variables, expected) => {
    const result = await t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'residence-check',
      variables,
      requestTimeout: 20_000,
    });
    expect(result.variables).toMatchObject(expected);
  });

  it('a failure with retries left is activated again with one retry fewer', async () => {
    const result = await t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'flaky-task',
      variables: {},
      requestTimeout: 20_000,
    });
    expect(result.variables).toMatchObject({ attempts: 2 });
    expect(flakyRetriesSeen).toEqual([3, 2]);
  });

  it('malformed variables fail the job without retries: an incident', async () => {
    const started = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'residence-check',
      variables: person({ birthDate: '28.05.1999' }),
    });
    const incident = await waitFor(() => incidentKeyOf(t, started.processInstanceKey));
    expect(incident).toMatch(/^\d+$/);
  });
});
