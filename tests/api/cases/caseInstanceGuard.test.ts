/**
 * The duplicate guard cancels a second instance of the case's own process only. Instances of
 * other processes that carry the `caseId` belong to the case too: a call activity's child (it
 * inherits the variables) and a partner process (the canton's building consultation, started
 * by a message). They must run on. The BPMN fixtures sit in `./guard`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { CaseInstanceGuard } from '../../../server/src/cases/caseInstanceGuard';
import { sha256Hex } from '../../../server/src/cases/trackingToken';
import { createZeebeClient, type ZeebeClient } from '../../../server/src/engine/zeebeClient';
import type { TestServer } from '../../server/support/testServer';
import { bpmn } from '../../engine/harness';
import { SERVICE_ID, eventually, startPortalServer } from '../catalog/fixtures/portalServer';

let server: TestServer;
let zeebe: ZeebeClient;
let guard: CaseInstanceGuard;

beforeAll(async () => {
  server = await startPortalServer();
  zeebe = createZeebeClient(server.engineAddress);
  guard = new CaseInstanceGuard(server.knex, () => zeebe, new AuditService(server.knex));
  await zeebe.deployResources(
    ['guard-parent.bpmn', 'guard-child.bpmn', 'guard-partner.bpmn'].map((name) => ({
      name,
      process: fs.readFileSync(bpmn(import.meta.url, `guard/${name}`)),
    })),
  );
});

afterAll(async () => {
  await zeebe?.close();
  await server?.stop();
});

interface Job {
  key: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  variables: Record<string, unknown>;
}

/** Jobs activated so far, by type (a batch may bring another test's job along). */
const seen = new Map<string, Job[]>();

async function jobOf(type: string, caseId: string, except: string[] = []): Promise<Job> {
  const known = seen.get(type) ?? [];
  seen.set(type, known);
  return eventually(async () => {
    const found = known.find(
      (job) => job.variables.caseId === caseId && !except.includes(job.processInstanceKey),
    );
    if (found) return found;
    const jobs = await zeebe.activateJobs({
      type,
      worker: 'guard-test',
      maxJobsToActivate: 20,
      timeout: 60_000,
      requestTimeout: 500,
    });
    known.push(...(jobs as unknown as Job[]));
    return undefined;
  });
}

/** A case of Luzern whose own process is `guard-parent`, started and recorded. */
async function startedCase(): Promise<{ id: string; recorded: string }> {
  const id = randomUUID();
  await server.knex('public.cases').insert({
    id,
    reference: `LU-2026-9${String(Math.floor(Math.random() * 99_999)).padStart(5, '0')}`,
    tenant_id: 'luzern',
    service_id: SERVICE_ID,
    bpmn_process_id: 'guard-parent',
    status: 'waiting_to_start',
    applicant_email: 'lea.keller@example.ch',
    applicant_language: 'de',
    tracking_token_hash: sha256Hex(randomUUID()),
    form_data: JSON.stringify({}),
    // the server's start loop leaves it to the test
    next_start_at: new Date(Date.now() + 3_600_000),
  });
  const started = await zeebe.createProcessInstance({
    bpmnProcessId: 'guard-parent',
    variables: { caseId: id },
  });
  expect(await guard.claim(id, started.processInstanceKey)).toBe('recorded');
  return { id, recorded: started.processInstanceKey };
}

const cancelledAudits = (caseId: string) =>
  server
    .knex('public.audit_log')
    .where({ object_id: caseId, action: 'case.duplicate_instance_cancelled' })
    .pluck('details');

describe('the case instance guard', () => {
  it("lets the child of the case's call activity run and the parent go on", async () => {
    // given a started case whose process calls a child process (which inherits `caseId`)
    const given = await startedCase();
    const child = await jobOf('guard-child-work', given.id);
    expect(child.bpmnProcessId).toBe('guard-child');
    expect(child.processInstanceKey).not.toBe(given.recorded);

    // when a worker asks the guard before acting on the child's job
    const outcome = await guard.checkJob(child);

    // then it belongs to the case, is neither adopted nor cancelled, and the parent goes on
    expect(outcome).toBe('related');
    await zeebe.completeJob({ jobKey: child.key, variables: {} });
    const parentJob = await jobOf('guard-parent-done', given.id);
    expect(parentJob.processInstanceKey).toBe(given.recorded);
    expect(await guard.checkJob(parentJob)).toBe('current');
    await zeebe.completeJob({ jobKey: parentJob.key, variables: {} });
    expect(await cancelledAudits(given.id)).toEqual([]);
  });

  it('lets a partner process carrying the caseId run', async () => {
    // given a started case and a partner process started for it (as by a message)
    const given = await startedCase();
    const partner = await zeebe.createProcessInstance({
      bpmnProcessId: 'guard-partner',
      variables: { caseId: given.id, office: 'umwelt-und-energie' },
    });
    const job = await jobOf('guard-partner-work', given.id);
    expect(job.processInstanceKey).toBe(partner.processInstanceKey);

    // when the guard meets its job
    const outcome = await guard.checkJob(job);

    // then the partner runs on: its job can be completed
    expect(outcome).toBe('related');
    await zeebe.completeJob({ jobKey: job.key, variables: {} });
    expect(await cancelledAudits(given.id)).toEqual([]);
    const row = (await server.knex('public.cases').where({ id: given.id }).first()) as {
      process_instance_key: string;
    };
    expect(row.process_instance_key).toBe(given.recorded);
  });

  it('is never adopted by a case that has not recorded its instance yet', async () => {
    // given a case still waiting to start, and a partner process already carrying its id
    const id = randomUUID();
    await server.knex('public.cases').insert({
      id,
      reference: `LU-2026-8${String(Math.floor(Math.random() * 99_999)).padStart(5, '0')}`,
      tenant_id: 'luzern',
      service_id: SERVICE_ID,
      bpmn_process_id: 'guard-parent',
      status: 'waiting_to_start',
      applicant_email: 'lea.keller@example.ch',
      applicant_language: 'de',
      tracking_token_hash: sha256Hex(randomUUID()),
      form_data: JSON.stringify({}),
      next_start_at: new Date(Date.now() + 3_600_000),
    });
    await zeebe.createProcessInstance({
      bpmnProcessId: 'guard-partner',
      variables: { caseId: id },
    });
    const job = await jobOf('guard-partner-work', id);

    // when the guard meets its job first
    expect(await guard.checkJob(job)).toBe('related');

    // then the case still waits for an instance of its own process
    expect(await server.knex('public.cases').where({ id }).first()).toMatchObject({
      process_instance_key: null,
      status: 'waiting_to_start',
    });
  });

  it("still cancels a second instance of the case's own process", async () => {
    // given a started case and a second instance of its own process (its child runs first)
    const given = await startedCase();
    const first = await jobOf('guard-child-work', given.id);
    const duplicate = await zeebe.createProcessInstance({
      bpmnProcessId: 'guard-parent',
      variables: { caseId: given.id },
    });
    const second = await jobOf('guard-child-work', given.id, [first.processInstanceKey]);
    for (const job of [first, second]) {
      expect(await guard.checkJob(job)).toBe('related');
      await zeebe.completeJob({ jobKey: job.key, variables: {} });
    }

    // when the duplicate's own job shows up
    const recordedJob = await jobOf('guard-parent-done', given.id, [duplicate.processInstanceKey]);
    const duplicateJob = await jobOf('guard-parent-done', given.id, [given.recorded]);
    expect(duplicateJob.processInstanceKey).toBe(duplicate.processInstanceKey);

    // then the duplicate is cancelled and audited, the recorded instance goes on
    expect(await guard.checkJob(duplicateJob)).toBe('duplicate');
    await expect(zeebe.completeJob({ jobKey: duplicateJob.key, variables: {} })).rejects.toThrow(
      /NOT_FOUND|not found/i,
    );
    expect(await guard.checkJob(recordedJob)).toBe('current');
    await zeebe.completeJob({ jobKey: recordedJob.key, variables: {} });
    expect(await cancelledAudits(given.id)).toHaveLength(1);
  });
});
