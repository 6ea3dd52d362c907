/**
 * Citizens without accounts: the tracking token opens one case (anything else is the same
 * 404), milestones reached by the process appear on the timeline, and "my cases" lists every
 * case of an address after an e-mailed one-time code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { CaseService } from '../../../server/src/cases/case.service';
import { CaseInstanceGuard } from '../../../server/src/cases/caseInstanceGuard';
import { CaseJobHook } from '../../../server/src/cases/caseJobHook';
import { createZeebeClient, type ZeebeClient } from '../../../server/src/engine/zeebeClient';
import { CatalogService } from '../../../server/src/services/catalog.service';
import type { TestServer } from '../../server/support/testServer';
import { startSmtpServer, type SmtpTestServer } from '../mail/smtpTestServer';
import {
  FIRST_JOB_TYPE,
  FIXTURE_WORKFLOWS,
  adopt,
  eventually,
  startPortalServer,
  submissionBody,
  submit,
  submitCase,
  type SubmittedCase,
} from '../catalog/fixtures/portalServer';

let server: TestServer;
let zeebe: ZeebeClient;
let anna: SubmittedCase;
let annaInEschenbach: SubmittedCase;
let ben: SubmittedCase;

const ANNA = 'anna.muster@example.ch';

beforeAll(async () => {
  server = await startPortalServer();
  await adopt(server.knex, 'luzern');
  await adopt(server.knex, 'eschenbach');
  zeebe = createZeebeClient(server.engineAddress);
  anna = await submitCase(server, submissionBody({ dogName: 'Bello' }), 'luzern');
  annaInEschenbach = await submitCase(
    server,
    submissionBody({ dogName: 'Fido' }, 'Anna.Muster@example.ch'),
    'eschenbach',
  );
  ben = await submitCase(server, submissionBody({ dogName: 'Rex' }, 'ben@example.ch'));
});

afterAll(async () => {
  await zeebe?.close();
  await server?.stop();
});

const viewCase = (reference: string, token?: string) =>
  fetch(`${server.baseUrl}/api/portal/cases/${reference}`, {
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  });

interface CitizenView {
  reference: string;
  status: string;
  tenant: { id: string; name: string };
  milestones: { id: string; label: { de: string }; reachedAt: string | null }[];
  timeline: { kind: string; label: { de: string; en: string } }[];
  documents: unknown[];
  openRequests: unknown[];
  expectedCompletionAt: string | null;
}

describe('the tracking token', () => {
  it('shows the citizen their case: status, public milestones, timeline, documents', async () => {
    const res = await viewCase(anna.reference, anna.trackingToken!);

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const view = (await res.json()) as CitizenView & Record<string, unknown>;
    expect(view).toMatchObject({
      reference: anna.reference,
      status: 'submitted',
      tenant: { id: 'luzern', name: 'Luzern' },
      documents: [],
      openRequests: [],
      expectedCompletionAt: anna.expectedCompletionAt,
    });
    expect(view.milestones).toEqual([
      { id: 'checked', label: { de: 'Angaben geprüft', en: 'Details checked' }, reachedAt: null },
      { id: 'tag-sent', label: { de: 'Marke versandt', en: 'Tag sent' }, reachedAt: null },
    ]);
    expect(view.timeline.map((entry) => entry.kind)).toEqual(['submitted']);
    // never internals: no variables, instance keys or applicant data
    expect(view).not.toHaveProperty('formData');
    expect(view).not.toHaveProperty('processInstanceKey');
    expect(JSON.stringify(view)).not.toContain(ANNA);
    const audited = await server
      .knex('public.audit_log')
      .where({ object_id: anna.id, action: 'case.read' });
    expect(audited.length).toBeGreaterThan(0);
  });

  it.each([
    ['a wrong token', () => anna.reference, () => 'x'.repeat(43)],
    ["another case's token", () => anna.reference, () => ben.trackingToken!],
    ['a guessed reference', () => 'LU-2026-999999', () => anna.trackingToken!],
    ['a malformed reference', () => 'not-a-reference', () => anna.trackingToken!],
  ])('answers %s with the same 404', async (_what, reference, token) => {
    const res = await viewCase(reference(), token());
    expect(res.status).toBe(404);
    const problem = (await res.json()) as { title: string; detail: string; errors?: unknown };
    expect(problem).toMatchObject({
      title: 'Nicht gefunden',
      detail: 'Unter dieser Adresse gibt es nichts.',
    });
  });

  it('answers 401 without a token', async () => {
    const res = await viewCase(anna.reference);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('shows a milestone the process reached, in de and en, and moves the case on', async () => {
    // given the server's job hook as the workers use it
    const catalog = new CatalogService(server.knex, FIXTURE_WORKFLOWS);
    catalog.load();
    const audit = new AuditService(server.knex);
    const cases = new CaseService(server.knex, catalog, audit);
    const hook = new CaseJobHook(new CaseInstanceGuard(server.knex, () => zeebe, audit), cases);

    // when the first task's job (header portal:milestone=checked, on completion) is done
    const job = await eventually(async () => {
      const jobs = await zeebe.activateJobs({
        type: FIRST_JOB_TYPE,
        worker: 'citizen-test',
        maxJobsToActivate: 10,
        timeout: 60_000,
        requestTimeout: 1_000,
      });
      for (const other of jobs.filter((j) => j.variables.caseId !== anna.id)) {
        await zeebe.failJob({
          jobKey: other.key,
          retries: 1,
          errorMessage: 'not mine',
          retryBackOff: 0,
        });
      }
      return jobs.find((j) => j.variables.caseId === anna.id);
    });
    expect(await hook.onActivated(job)).toBe(true);
    await zeebe.completeJob({ jobKey: job.key, variables: {} });
    await hook.onCompleted(job);

    // then the citizen sees it
    const view = (await (
      await viewCase(anna.reference, anna.trackingToken!)
    ).json()) as CitizenView;
    expect(view.status).toBe('in_progress');
    expect(view.milestones[0]!.reachedAt).not.toBeNull();
    expect(view.timeline.map((entry) => [entry.kind, entry.label.en])).toEqual([
      ['submitted', 'Application submitted'],
      ['milestone', 'Details checked'],
    ]);

    // and recording it again changes nothing; an undeclared milestone is not shown
    expect(await cases.recordMilestone({ caseId: anna.id, milestoneId: 'checked' })).toEqual({
      recorded: false,
      reason: 'already_recorded',
    });
    expect(
      await cases.recordMilestone({
        processInstanceKey: job.processInstanceKey,
        milestoneId: 'internal-step',
      }),
    ).toEqual({ recorded: false, reason: 'unknown_milestone' });
  });
});

describe('my cases', () => {
  const requestCode = (email: string) =>
    fetch(`${server.baseUrl}/api/portal/my-cases/code`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
  const openSession = (email: string, code: string) =>
    fetch(`${server.baseUrl}/api/portal/my-cases/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, code }),
    });
  const latestCode = async (email: string) => {
    const mail = (await server
      .knex('public.mail_outbox')
      .where({ to_address: email })
      .andWhere('subject', 'like', 'Ihr Code%')
      .orderBy('created_at', 'desc')
      .first()) as { subject: string } | undefined;
    return mail ? /(\d{6})/.exec(mail.subject)![1]! : undefined;
  };

  it('lists every case of the address across municipalities after a mailed code', async () => {
    // when Anna asks for a code
    const asked = await requestCode('ANNA.MUSTER@example.ch');
    expect(asked.status).toBe(202);
    const code = await latestCode(ANNA);
    expect(code).toMatch(/^\d{6}$/);

    // and a wrong code first
    const wrong = await openSession(ANNA, code === '000000' ? '000001' : '000000');
    expect(wrong.status).toBe(401);

    // then the right code opens a session
    const opened = await openSession(ANNA, code!);
    expect(opened.status).toBe(201);
    const { token } = (await opened.json()) as { token: string; expiresAt: string };

    // which lists her two cases in Luzern and Eschenbach, not Ben's
    const list = await fetch(`${server.baseUrl}/api/portal/my-cases`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(list.status).toBe(200);
    const { cases } = (await list.json()) as { cases: { reference: string; tenantId: string }[] };
    expect(cases.map((c) => c.reference).sort()).toEqual(
      [anna.reference, annaInEschenbach.reference].sort(),
    );
    expect(new Set(cases.map((c) => c.tenantId))).toEqual(new Set(['luzern', 'eschenbach']));

    // and opens her cases, not Ben's
    expect((await viewCase(annaInEschenbach.reference, token)).status).toBe(200);
    expect((await viewCase(ben.reference, token)).status).toBe(404);

    // and the code works once only
    expect((await openSession(ANNA, code!)).status).toBe(401);
  });

  it('answers an address without cases the same, without mailing it', async () => {
    const res = await requestCode('nobody@example.ch');
    expect(res.status).toBe(202);
    expect(await latestCode('nobody@example.ch')).toBeUndefined();
  });

  it('gives up a code after five wrong tries', async () => {
    await requestCode('ben@example.ch');
    const code = (await latestCode('ben@example.ch'))!;
    const wrongCode = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i += 1)
      expect((await openSession('ben@example.ch', wrongCode)).status).toBe(401);
    expect((await openSession('ben@example.ch', code)).status).toBe(401);
  });

  it('limits codes per address (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await requestCode('limit@example.ch')).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it.each([
    ['no token', undefined],
    ['an unknown token', 'y'.repeat(43)],
    ["a case's tracking token", () => anna.trackingToken!],
  ])('refuses the list with %s', async (_what, token) => {
    const value = typeof token === 'function' ? token() : token;
    const res = await fetch(`${server.baseUrl}/api/portal/my-cases`, {
      headers: value ? { Authorization: `Bearer ${value}` } : {},
    });
    expect(res.status).toBe(401);
  });
});

describe('tracking link by SMTP', () => {
  let smtp: SmtpTestServer;
  let mailing: TestServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    mailing = await startPortalServer({ SMTP_URL: smtp.url });
    await adopt(mailing.knex, 'luzern');
  });

  afterAll(async () => {
    await mailing?.stop();
    await smtp?.close();
  });

  it('sends the tracking link to the applicant', async () => {
    const body = (await (
      await submit(mailing, submissionBody({}, 'carla@example.ch'))
    ).json()) as SubmittedCase;
    const mail = await eventually(async () =>
      smtp.received.find((m) => m.to.includes('carla@example.ch')),
    );
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(`/track/${body.reference}#`);
  });
});
