/**
 * Submissions over HTTP against the whole server: the happy path proven down to a job of the
 * instance's first service task, the validation table of the start form, and idempotency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZeebeClient, type ZeebeClient } from '../../../server/src/engine/zeebeClient';
import type { TestServer } from '../../server/support/testServer';
import { exe, jpeg, png, tinyPdf } from '../documents/fixtures';
import {
  FIRST_JOB_TYPE,
  SERVICE_ID,
  adopt,
  validData,
  eventually,
  startPortalServer,
  submissionBody,
  submit,
  type SubmittedCase,
} from '../catalog/fixtures/portalServer';

let server: TestServer;
let zeebe: ZeebeClient;

beforeAll(async () => {
  server = await startPortalServer();
  await adopt(server.knex, 'luzern', { parameters: { tagFee: 40 } });
  zeebe = createZeebeClient(server.engineAddress);
});

afterAll(async () => {
  await zeebe?.close();
  await server?.stop();
});

const countCases = async () =>
  Number(((await server.knex('public.cases').count({ n: '*' })) as { n: string | number }[])[0]!.n);

describe('a valid submission', () => {
  it('creates the case, starts its process instance and mails the tracking link', async () => {
    // when Anna submits the dog tag form in Luzern
    const res = await submit(server, submissionBody({}, 'Anna.Muster@Example.ch'));

    // then the case is created and started
    expect(res.status).toBe(201);
    const body = (await res.json()) as SubmittedCase;
    const year = new Date().getFullYear();
    expect(body.reference).toMatch(new RegExp(`^LU-${year}-\\d{6}$`));
    expect(body.status).toBe('submitted');
    expect(res.headers.get('location')).toBe(`/api/portal/cases/${body.reference}`);
    expect(body.trackingUrl).toBe(`${server.url}/track/${body.reference}#${body.trackingToken}`);
    expect(body.trackingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = (await server.knex('public.cases').where({ id: body.id }).first()) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      tenant_id: 'luzern',
      service_id: 'fixture-dog-tag',
      status: 'submitted',
      applicant_email: 'anna.muster@example.ch',
    });
    expect(row.tracking_token_hash).not.toContain(body.trackingToken);
    const days =
      (new Date(row.expected_completion_at as Date).getTime() -
        new Date(row.submitted_at as Date).getTime()) /
      86_400_000;
    expect(days).toBe(10);

    // and the instance exists: its first service task's job carries the case
    const jobs = await eventually(async () => {
      const activated = await zeebe.activateJobs({
        type: FIRST_JOB_TYPE,
        worker: 'submission-test',
        maxJobsToActivate: 10,
        timeout: 60_000,
        requestTimeout: 2_000,
      });
      return activated.length ? activated : undefined;
    });
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job.processInstanceKey).toBe(row.process_instance_key);
    expect(job.variables).toMatchObject({
      caseId: body.id,
      caseReference: body.reference,
      tenantId: 'luzern',
      dogName: 'Bello',
      address: { street: 'Bahnhofstrasse 1', zip: '6003' },
      language: 'de',
      submittedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(
        new Date(),
      ),
      params: { tagFee: 40 },
    });
    expect(job.customHeaders).toMatchObject({ 'portal:milestone': 'checked' });

    // and the submission is audited, the tracking link mailed (outbox: no SMTP configured)
    const audit = (await server
      .knex('public.audit_log')
      .where({ object_id: body.id })
      .pluck('action')) as string[];
    expect(audit).toContain('case.submit');
    const mail = (await server.knex('public.mail_outbox').where({ case_id: body.id }).first()) as {
      to_address: string;
      subject: string;
      text_body: string;
      html_body: string | null;
    };
    expect(mail.to_address).toBe('anna.muster@example.ch');
    expect(mail.subject).toBe(`Ihr Gesuch ${body.reference}: Hundemarke (Testdienst)`);
    expect(mail.text_body).toContain(body.trackingUrl);
    expect(mail.html_body).toContain(`<a href="${body.trackingUrl}">`);
  });

  it('numbers cases per year without gaps', async () => {
    const a = (await (await submit(server, submissionBody())).json()) as SubmittedCase;
    const b = (await (await submit(server, submissionBody())).json()) as SubmittedCase;
    const number = (reference: string) => Number(reference.split('-')[2]);
    expect(number(b.reference)).toBe(number(a.reference) + 1);
  });
});

describe('start form validation', () => {
  it.each([
    ['a missing required field', { dogName: undefined }, 'data.dogName', 'Required', 'Pflichtfeld'],
    ['a number as text', { dogName: 42 }, 'data.dogName', 'Must be text.', 'Muss ein Text sein.'],
    [
      'a too short text',
      { dogName: 'B' },
      'data.dogName',
      'At least 2 characters.',
      'Mindestens 2 Zeichen.',
    ],
    [
      'a too long text',
      { dogName: 'B'.repeat(31) },
      'data.dogName',
      'At most 30 characters.',
      'Höchstens 30 Zeichen.',
    ],
    [
      'a value outside the options',
      { breed: 'wolf' },
      'data.breed',
      'Please choose one of the offered values.',
      'Bitte wählen Sie einen der angebotenen Werte.',
    ],
    [
      'a pattern mismatch',
      { chipNumber: '12345' },
      'data.chipNumber',
      'Does not have the required format.',
      'Entspricht nicht dem verlangten Format.',
    ],
    [
      'text for a number',
      { weightKg: 'heavy' },
      'data.weightKg',
      'Must be a number.',
      'Muss eine Zahl sein.',
    ],
    ['a number below min', { weightKg: 0.5 }, 'data.weightKg', 'At least 1.', 'Mindestens 1.'],
    ['a number above max', { weightKg: 120 }, 'data.weightKg', 'At most 100.', 'Höchstens 100.'],
    [
      'too many decimals',
      { weightKg: 24.55 },
      'data.weightKg',
      'At most 1 decimal places.',
      'Höchstens 1 Nachkommastellen.',
    ],
    [
      'a malformed date',
      { birthDate: '01.03.2024' },
      'data.birthDate',
      'Must be a date (YYYY-MM-DD).',
      'Muss ein Datum sein (JJJJ-MM-TT).',
    ],
    [
      'a phone number that is not international',
      { phone: '041 123 45 67' },
      'data.phone',
      'Must be an international phone number (e.g. +41411234567).',
      'Muss eine internationale Telefonnummer sein (z. B. +41411234567).',
    ],
    [
      'an unchecked required checkbox',
      { insured: false },
      'data.insured',
      'Required',
      'Pflichtfeld',
    ],
    [
      'a string for a checkbox',
      { insured: 'yes' },
      'data.insured',
      'Must be yes or no.',
      'Muss ja oder nein sein.',
    ],
    [
      'a required field shown by a condition',
      { hasPreviousOwner: true },
      'data.previousOwner',
      'Required',
      'Pflichtfeld',
    ],
    [
      'a required field in a group',
      { address: { zip: '6003' } },
      'data.address.street',
      'Required',
      'Pflichtfeld',
    ],
    [
      'a pattern in a group',
      { address: { street: 'Weg 1', zip: '63' } },
      'data.address.zip',
      'Does not have the required format.',
      'Entspricht nicht dem verlangten Format.',
    ],
    [
      'a field the form does not have',
      { caseId: 'forged' },
      'data.caseId',
      'The form has no such field.',
      'Dieses Feld gibt es im Formular nicht.',
    ],
  ])(
    'refuses %s with a translated field error, storing nothing',
    async (_what, change, field, en, de) => {
      const before = await countCases();
      for (const [language, message] of [
        ['en', en],
        ['de-CH', de],
      ] as const) {
        // when the form is submitted with the fault
        const res = await submit(server, submissionBody(change), { 'Accept-Language': language });

        // then 400 problem+json names the field in the caller's language
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const problem = (await res.json()) as { errors: { field: string; message: string }[] };
        expect(problem.errors).toContainEqual({ field, message });
      }
      expect(await countCases()).toBe(before);
    },
  );

  it.each([
    ['a hidden field is left out', { previousOwner: 'Someone' }, { previousOwner: undefined }],
    [
      'a shown field is kept',
      { hasPreviousOwner: true, previousOwner: 'Tierheim Luzern' },
      { previousOwner: 'Tierheim Luzern' },
    ],
  ])('accepts the data when %s', async (_what, change, expected) => {
    const res = await submit(server, submissionBody(change));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as SubmittedCase;
    const row = (await server.knex('public.cases').where({ id }).first()) as { form_data: unknown };
    const data = (
      typeof row.form_data === 'string' ? JSON.parse(row.form_data) : row.form_data
    ) as Record<string, unknown>;
    expect(data.previousOwner).toBe(expected.previousOwner);
  });

  it.each([
    ['no applicant', { data: {} }, 400],
    ['a malformed e-mail', { applicant: { email: 'anna(at)example' }, data: {} }, 400],
    ['an unknown top-level key', { ...submissionBody(), extra: 1 }, 400],
  ])('refuses a body with %s', async (_what, body, status) => {
    expect((await submit(server, body)).status).toBe(status);
  });

  it('refuses a body that is not JSON with 415, and a service Luzern does not offer with 404', async () => {
    const res = await fetch(
      `${server.baseUrl}/api/portal/tenants/luzern/services/fixture-dog-tag/submissions`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'dogName=Bello',
      },
    );
    expect(res.status).toBe(415);
    expect((await submit(server, submissionBody(), {}, 'eschenbach')).status).toBe(404);
  });
});

describe('the applicant', () => {
  it("is taken from the form's applicant group when the body names none", async () => {
    const res = await submit(server, {
      data: validData({
        applicant: { firstName: 'Beat', lastName: 'Meier', email: 'Beat.Meier@example.ch' },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as SubmittedCase;
    expect(await server.knex('public.cases').where({ id }).first()).toMatchObject({
      applicant_email: 'beat.meier@example.ch',
      applicant_name: 'Beat Meier',
    });
  });

  it('is required somewhere', async () => {
    const res = await submit(server, { data: validData() });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe(
      'applicant.email',
    );
  });
});

describe('attachments (multipart)', () => {
  const post = (form: FormData, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}/api/portal/tenants/luzern/services/${SERVICE_ID}/submissions`, {
      method: 'POST',
      body: form,
      headers,
    });
  const formWith = (files: [string, Buffer, string][], body = submissionBody()) => {
    const form = new FormData();
    form.append('submission', JSON.stringify(body));
    for (const [field, content, name] of files) form.append(field, new Blob([content]), name);
    return form;
  };

  it('stores the files as documents of the case and puts their ids into the file picker', async () => {
    const pdf = await tinyPdf();
    const res = await post(
      formWith([
        ['insuranceProof', pdf, 'Police.pdf'],
        ['insuranceProof', png, 'Police-Seite-2.png'],
      ]),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as SubmittedCase;
    const row = (await server.knex('public.cases').where({ id: body.id }).first()) as {
      form_data: unknown;
    };
    const data = (
      typeof row.form_data === 'string' ? JSON.parse(row.form_data) : row.form_data
    ) as {
      insuranceProof: string[];
    };
    const documents = (await server
      .knex('public.documents')
      .where({ case_id: body.id })
      .orderBy('created_at')) as { id: string; media_type: string; original_name: string }[];
    expect(documents.map((d) => d.media_type).sort()).toEqual(['application/pdf', 'image/png']);
    expect([...data.insuranceProof].sort()).toEqual(documents.map((d) => d.id).sort());

    // and the citizen sees them with the tracking token
    const view = (await (
      await fetch(`${server.baseUrl}/api/portal/cases/${body.reference}`, {
        headers: { Authorization: `Bearer ${body.trackingToken}` },
      })
    ).json()) as { documents: { id: string; name: string }[] };
    expect(view.documents.map((d) => d.name).sort()).toEqual(['Police-Seite-2.png', 'Police.pdf']);
    const download = await fetch(
      `${server.baseUrl}/api/portal/cases/${body.reference}/documents/${data.insuranceProof[0]}`,
      { headers: { Authorization: `Bearer ${body.trackingToken}` } },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  const stored = async () => {
    const counts: number[] = [];
    for (const table of ['cases', 'documents', 'mail_outbox', 'audit_log']) {
      const [row] = (await server.knex(`public.${table}`).count({ n: '*' })) as {
        n: string | number;
      }[];
      counts.push(Number(row!.n));
    }
    return counts;
  };

  it.each([
    ['an executable renamed to .pdf', [['insuranceProof', exe(), 'police.pdf']], 422],
    ['a file for a field the form does not have', [['passport', png, 'pass.png']], 400],
    ['a path-traversal file name', [['insuranceProof', png, '../../etc/passwd.png']], 400],
    ['a Windows path as file name', [['insuranceProof', png, '..\\..\\boot.ini.png']], 400],
    [
      'a file larger than UPLOAD_MAX_BYTES',
      [['insuranceProof', Buffer.alloc(11 * 1024 * 1024), 'big.pdf']],
      413,
    ],
  ] as [string, [string, Buffer, string][], number][])(
    'refuses %s with problem+json and stores nothing',
    async (_what, files, status) => {
      // given what is stored before (cases, documents, mails, audit entries)
      const before = await stored();

      // when the form comes with the bad file
      const res = await post(formWith(files), { 'Accept-Language': 'en' });

      // then a clear problem+json, and nothing was stored
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { title: string; status: number };
      expect(problem.status).toBe(status);
      expect(problem.title).toMatch(/^[A-Z]/);
      expect(await stored()).toEqual(before);
    },
  );

  it('replays a multipart submission with the same key without storing the files twice', async () => {
    const key = `multipart-${crypto.randomUUID()}`;
    const first = await post(formWith([['insuranceProof', png, 'a.png']]), {
      'Idempotency-Key': key,
    });
    const again = await post(formWith([['insuranceProof', png, 'a.png']]), {
      'Idempotency-Key': key,
    });
    const a = (await first.json()) as SubmittedCase;
    const b = (await again.json()) as SubmittedCase;
    expect(b.id).toBe(a.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await server.knex('public.documents').where({ case_id: a.id })).toHaveLength(1);
    const other = await post(formWith([['insuranceProof', jpeg, 'b.jpg']]), {
      'Idempotency-Key': key,
    });
    expect(other.status).toBe(422);
  });
});

describe('Idempotency-Key', () => {
  it('creates exactly one case for ten parallel requests with the same key and body', async () => {
    const key = `idem-${crypto.randomUUID()}`;
    const body = submissionBody({ dogName: 'Rex' });

    // when the same request arrives ten times at once
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => submit(server, body, { 'Idempotency-Key': key })),
    );

    // then all answer the same case, nine of them as replays, with the same tracking link
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as SubmittedCase[];
    expect(responses.map((r) => r.status).every((s) => s === 201 || s === 202)).toBe(true);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.trackingUrl)).size).toBe(1);
    expect(bodies[0]!.trackingToken).toBeTruthy();
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(
      9,
    );
    const rows = await server.knex('public.cases').where({ id: bodies[0]!.id });
    expect(rows).toHaveLength(1);

    // and the case got one instance
    await eventually(async () => {
      const row = (await server.knex('public.cases').where({ id: bodies[0]!.id }).first()) as {
        process_instance_key: string | null;
      };
      return row.process_instance_key ?? undefined;
    });
  });

  it('answers 422 for the same key with another body, and changes nothing', async () => {
    const key = `idem-${crypto.randomUUID()}`;
    expect(
      (await submit(server, submissionBody({ dogName: 'Luna' }), { 'Idempotency-Key': key }))
        .status,
    ).toBe(201);
    const before = await countCases();

    const res = await submit(server, submissionBody({ dogName: 'Nala' }), {
      'Idempotency-Key': key,
      'Accept-Language': 'en',
    });

    expect(res.status).toBe(422);
    expect(((await res.json()) as { title: string }).title).toBe('Idempotency-Key already used');
    expect(await countCases()).toBe(before);
  });

  it('refuses a malformed key', async () => {
    const res = await submit(server, submissionBody(), { 'Idempotency-Key': 'short' });
    expect(res.status).toBe(400);
  });
});
