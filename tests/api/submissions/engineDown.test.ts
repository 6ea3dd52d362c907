/**
 * A case is never lost and gets exactly one process instance: the engine is unreachable while
 * a citizen submits (the server points at a Zeebe address where nothing listens yet), then an
 * engine starts there; and a second instance of one case — the crash between
 * CreateProcessInstance and recording its key — is found by its first job and cancelled.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from '@serviceportal/engine';
import { AuditService } from '../../../server/src/audit/audit.service';
import { CaseInstanceGuard } from '../../../server/src/cases/caseInstanceGuard';
import { createZeebeClient, type ZeebeClient } from '../../../server/src/engine/zeebeClient';
import { createLogger } from '../../../server/src/logger';
import type { TestServer } from '../../server/support/testServer';
import {
  FIRST_JOB_TYPE,
  adopt,
  eventually,
  startPortalServer,
  submissionBody,
  submit,
  type SubmittedCase,
} from '../catalog/fixtures/portalServer';

let server: TestServer;
let engine: RunningEngine | undefined;
let zeebe: ZeebeClient;
let enginePort: number;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function activateAll(type: string) {
  return zeebe.activateJobs({
    type,
    worker: 'engine-down-test',
    maxJobsToActivate: 20,
    timeout: 60_000,
    requestTimeout: 1_000,
  });
}

beforeAll(async () => {
  enginePort = await freePort();
  server = await startPortalServer({
    ZEEBE_ADDRESS: `127.0.0.1:${enginePort}`,
    ENGINE_REQUEST_TIMEOUT: '1s',
  });
  await adopt(server.knex, 'luzern');
  zeebe = createZeebeClient(`127.0.0.1:${enginePort}`);
});

afterAll(async () => {
  // The engine runs on the server's database connection: stop it before the server closes it.
  await zeebe?.close();
  await engine?.stop();
  await server?.stop();
});

const caseRow = async (id: string) =>
  (await server.knex('public.cases').where({ id }).first()) as {
    status: string;
    process_instance_key: string | null;
    start_attempts: number;
    last_start_error: string | null;
  };

describe('engine unreachable during a submission', () => {
  let submitted: SubmittedCase;

  it('keeps the case and answers 202 with it', async () => {
    // when Anna submits while no engine listens at ZEEBE_ADDRESS
    const started = Date.now();
    const res = await submit(server, submissionBody({ dogName: 'Waldi' }));

    // then the case is kept, waiting to start, and the answer does not hang
    expect(res.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(5_000);
    submitted = (await res.json()) as SubmittedCase;
    expect(submitted.status).toBe('waiting_to_start');
    expect(submitted.trackingToken).toBeTruthy();
    expect((await caseRow(submitted.id)).process_instance_key).toBeNull();

    // and the citizen can already follow it
    const view = await fetch(`${server.baseUrl}/api/portal/cases/${submitted.reference}`, {
      headers: { Authorization: `Bearer ${submitted.trackingToken}` },
    });
    expect(view.status).toBe(200);
    expect(((await view.json()) as { status: string }).status).toBe('waiting_to_start');
  });

  it("tries again and again, each attempt ending with the engine's error", async () => {
    // then the Zeebe client does not retry forever inside one call: the retry loop counts its
    // attempts and keeps the gateway's answer (gRPC 14 UNAVAILABLE) for the monitoring views
    const row = await eventually(async () => {
      const current = await caseRow(submitted.id);
      return current.start_attempts >= 2 ? current : undefined;
    });
    expect(row.status).toBe('waiting_to_start');
    expect(row.last_start_error).toMatch(/^14: .*UNAVAILABLE/);
    expect(row.process_instance_key).toBeNull();
  });

  it('tells the readiness probe that the engine is down', async () => {
    const res = await fetch(`${server.baseUrl}/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ components: { engine: 'down', database: 'up' } });
  });

  it('starts it exactly once when the engine is back', async () => {
    // when an engine starts at that address
    engine = await startEngine({
      knex: server.knex,
      host: '127.0.0.1',
      port: enginePort,
      logger: createLogger('silent'),
    });

    // then the case gets its instance (deployed first) and is submitted
    const key = await eventually(
      async () => (await caseRow(submitted.id)).process_instance_key ?? undefined,
      40_000,
    );
    expect((await caseRow(submitted.id)).status).toBe('submitted');

    // and exactly one instance of the case exists: one job of its first task, the recorded one
    const jobs = await eventually(async () => {
      const found = await activateAll(FIRST_JOB_TYPE);
      return found.length ? found : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // let a stray second start surface
    const later = await activateAll(FIRST_JOB_TYPE);
    const ofCase = [...jobs, ...later].filter((job) => job.variables.caseId === submitted.id);
    expect(ofCase.map((job) => job.processInstanceKey)).toEqual([key]);
  }, 60_000);
});

describe('a second instance of one case', () => {
  it('is cancelled when its first job shows up, and the recorded instance goes on', async () => {
    // given a started case
    const res = await submit(server, submissionBody({ dogName: 'Bruno' }));
    const submitted = (await res.json()) as SubmittedCase;
    const recorded = await eventually(
      async () => (await caseRow(submitted.id)).process_instance_key ?? undefined,
      40_000,
    );

    // and a second instance of it, as after a crash between create and recording
    const duplicate = await zeebe.createProcessInstance({
      bpmnProcessId: 'fixture-dog-tag',
      variables: { caseId: submitted.id, caseReference: submitted.reference, tenantId: 'luzern' },
    });
    expect(duplicate.processInstanceKey).not.toBe(recorded);

    // when a worker activates the jobs and asks the guard before acting
    const guard = new CaseInstanceGuard(server.knex, () => zeebe, new AuditService(server.knex));
    const jobs = await eventually(async () => {
      const found = (await activateAll(FIRST_JOB_TYPE)).filter(
        (job) => job.variables.caseId === submitted.id,
      );
      return found.length === 2 ? found : undefined;
    });
    const outcomes = new Map<string, string>();
    for (const job of jobs) outcomes.set(job.processInstanceKey, await guard.checkJob(job));

    // then the recorded instance is current, the other one cancelled and audited
    expect(outcomes.get(recorded)).toBe('current');
    expect(outcomes.get(duplicate.processInstanceKey)).toBe('duplicate');
    const duplicateJob = jobs.find(
      (job) => job.processInstanceKey === duplicate.processInstanceKey,
    )!;
    await expect(zeebe.completeJob({ jobKey: duplicateJob.key, variables: {} })).rejects.toThrow(
      /NOT_FOUND|not found/i,
    );
    const recordedJob = jobs.find((job) => job.processInstanceKey === recorded)!;
    await zeebe.completeJob({ jobKey: recordedJob.key, variables: {} });
    const audit = (await server
      .knex('public.audit_log')
      .where({ object_id: submitted.id, action: 'case.duplicate_instance_cancelled' })
      .first()) as { details: unknown };
    const details = (
      typeof audit.details === 'string' ? JSON.parse(audit.details) : audit.details
    ) as Record<string, unknown>;
    expect(details).toMatchObject({
      processInstanceKey: duplicate.processInstanceKey,
      cancelled: true,
    });
    expect((await caseRow(submitted.id)).process_instance_key).toBe(recorded);
  }, 60_000);

  it('is adopted when the case never recorded one (the crash case)', async () => {
    // given a case that crashed after CreateProcessInstance: committed, no key recorded
    const res = await submit(server, submissionBody({ dogName: 'Kira' }));
    const submitted = (await res.json()) as SubmittedCase;
    await eventually(
      async () => (await caseRow(submitted.id)).process_instance_key ?? undefined,
      40_000,
    );
    const orphan = await zeebe.createProcessInstance({
      bpmnProcessId: 'fixture-dog-tag',
      variables: { caseId: submitted.id },
    });
    await server
      .knex('public.cases')
      .where({ id: submitted.id })
      .update({
        process_instance_key: null,
        status: 'waiting_to_start',
        next_start_at: new Date(Date.now() + 3_600_000),
      });

    // when the guard meets the instance's job first
    const guard = new CaseInstanceGuard(server.knex, () => zeebe, new AuditService(server.knex));
    const outcome = await guard.claim(submitted.id, orphan.processInstanceKey);

    // then the case adopts it
    expect(outcome).toBe('recorded');
    expect(await caseRow(submitted.id)).toMatchObject({
      process_instance_key: orphan.processInstanceKey,
      status: 'submitted',
    });
  }, 60_000);
});

describe('an engine that accepts connections but never answers', () => {
  it('keeps the case waiting and answers 202 after ENGINE_REQUEST_TIMEOUT', async () => {
    // given a gateway address where a socket is accepted and then nothing happens
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const hanging = await startPortalServer({
      ZEEBE_ADDRESS: `127.0.0.1:${port}`,
      ENGINE_REQUEST_TIMEOUT: '1s',
    });
    try {
      await adopt(hanging.knex, 'luzern');

      // when Anna submits
      const res = await submit(hanging, submissionBody({ dogName: 'Fido' }));

      // then the request does not wait for the engine: the case is kept, waiting to start
      expect(res.status).toBe(202);
      const body = (await res.json()) as SubmittedCase;
      expect(body.status).toBe('waiting_to_start');
      expect(
        await hanging
          .knex('public.cases')
          .where({ id: body.id })
          .first('status', 'process_instance_key'),
      ).toEqual({ status: 'waiting_to_start', process_instance_key: null });
    } finally {
      await hanging.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  }, 60_000);
});
