/**
 * One service from submission to closed case, over HTTP only, against the whole server
 * (PostgreSQL or PGlite, the embedded engine over gRPC, the server's own workers, a real SMTP
 * server): submit → case and instance → the review task in the inbox of Luzern's
 * Einwohnerkontrolle only → claim → complete with form data → milestone on the citizen's
 * timeline → certificate PDF downloadable with the tracking token → case closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../engine/harness';
import { startSmtpServer, type ReceivedMail, type SmtpTestServer } from '../mail/smtpTestServer';
import { mimeTextParts } from './mimeParts';
import {
  applicationData,
  json,
  openTaskOf,
  startPortalWorld,
  submit,
  type PortalWorld,
  type Submitted,
} from './support';

let smtp: SmtpTestServer;
let world: PortalWorld;

beforeAll(async () => {
  smtp = await startSmtpServer();
  world = await startPortalWorld({ SMTP_URL: smtp.url });
});

afterAll(async () => {
  await world?.stop();
  await smtp?.close();
});

interface TaskItem {
  id: string;
  caseId: string | null;
  caseReference: string | null;
  assignee: string | null;
  status: string;
}

interface CitizenView {
  status: string;
  milestones: { id: string; label: { de: string; en: string } }[];
  timeline: { kind: string; milestoneId?: string; label: { de: string } }[];
  documents: { id: string; kind: string; mediaType: string; name: string }[];
}

/** The first mail to `address` whose text part contains `text`. */
const mailTo = (address: string, text: string): Promise<ReceivedMail> =>
  waitFor(
    async () =>
      smtp.received.find(
        (mail) => mail.to.includes(address) && mimeTextParts(mail.raw).text?.includes(text),
      ),
    { timeoutMs: 15_000 },
  );

describe('a residence certificate, end to end', () => {
  it('goes from submission to a closed case with the certificate downloadable', async () => {
    // when Lea submits the start form in Luzern
    const res = await submit(world, applicationData(), [], {
      'Idempotency-Key': `e2e-${crypto.randomUUID()}`,
    });

    // then the case is created and its process instance started
    expect(res.status).toBe(201);
    const submitted = await json<Submitted>(res);
    // (`in_progress` once the review's milestone was recorded, which may come first)
    expect(['submitted', 'in_progress']).toContain(submitted.status);
    const row = (await world.server.knex('public.cases').where({ id: submitted.id }).first()) as {
      tenant_id: string;
      process_instance_key: string | null;
    };
    expect(row.tenant_id).toBe('luzern');
    expect(row.process_instance_key).toMatch(/^\d+$/);

    // and an SMTP server receives the tracking link, in the text and in the HTML body
    const trackingMail = await mailTo('lea.keller@example.ch', submitted.reference);
    const parts = mimeTextParts(trackingMail.raw);
    expect(parts.text).toContain(submitted.trackingUrl);
    expect(parts.html).toContain(`<a href="${submitted.trackingUrl}">`);

    // and the review task is in the inbox of Luzern's Einwohnerkontrolle only
    const task = await openTaskOf(world, submitted.id);
    const inbox = async (who: 'anna' | 'carla' | 'dario') =>
      json<TaskItem[]>(await (await world.as(who)).get('/api/tasks'));
    expect((await inbox('anna')).find((t) => t.id === task.id)).toMatchObject({
      caseId: submitted.id,
      caseReference: submitted.reference,
      assignee: null,
      status: 'open',
    });
    for (const outsider of ['carla', 'dario'] as const) {
      expect((await inbox(outsider)).map((t) => t.id)).not.toContain(task.id);
      expect((await (await world.as(outsider)).get(`/api/tasks/${task.id}`)).status).toBe(404);
    }

    // and the citizen's timeline shows the review as a public milestone
    const track = async () => {
      const view = await world.anonymous().get(`/api/portal/cases/${submitted.reference}`, {
        headers: { Authorization: `Bearer ${submitted.trackingToken}` },
      });
      expect(view.status).toBe(200);
      return json<CitizenView>(view);
    };
    expect((await track()).timeline).toContainEqual(
      expect.objectContaining({ kind: 'milestone', milestoneId: 'in-review' }),
    );

    // when Anna claims the task and completes it with the form's data
    const anna = await world.as('anna');
    const claimed = await anna.post(`/api/tasks/${task.id}/claim`);
    expect(claimed.status).toBe(200);
    expect((await json<TaskItem>(claimed)).assignee).toBeTruthy();
    const invalid = await anna.post(`/api/tasks/${task.id}/complete`, {
      body: { data: { residentSince: 'seit 2019' } },
    });
    expect(invalid.status).toBe(400);
    const completed = await anna.post(`/api/tasks/${task.id}/complete`, {
      body: { data: { residentSince: '2019-04-01' } },
    });
    expect(completed.status).toBe(200);
    expect((await json<TaskItem>(completed)).status).toBe('completed');

    // then the process goes on: certificate, mail to the applicant, and the case is closed
    const closed = await waitFor(
      async () => {
        const view = await track();
        return view.status === 'closed' ? view : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(closed.milestones.map((m) => m.id)).toEqual(['in-review', 'issued']);
    expect(closed.timeline.map((entry) => entry.kind)).toEqual([
      'submitted',
      'milestone',
      'milestone',
      'closed',
    ]);
    await mailTo('lea.keller@example.ch', 'Ihre Wohnsitzbestätigung liegt bereit.');

    // and the certificate PDF is downloadable with the tracking token, as an attachment
    const certificate = closed.documents.find((d) => d.kind === 'certificate');
    expect(certificate).toMatchObject({ mediaType: 'application/pdf' });
    const download = await world
      .anonymous()
      .get(`/api/portal/cases/${submitted.reference}/documents/${certificate!.id}`, {
        headers: { Authorization: `Bearer ${submitted.trackingToken}` },
      });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const pdf = Buffer.from(await download.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // and the staff case shows it closed, with the clerk's data as case variables
    const staffView = await anna.get(`/api/cases/${submitted.id}`);
    expect(await json(staffView)).toMatchObject({
      status: 'closed',
      closedAt: expect.any(String),
      variables: { residentSince: '2019-04-01', purpose: 'Arbeitgeber' },
    });
  }, 90_000);
});
