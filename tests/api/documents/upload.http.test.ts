import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { migrateServer } from '../../../server/src/db/database';
import { DocumentService } from '../../../server/src/documents/document.service';
import { sendDocument } from '../../../server/src/documents/download';
import { uploadDocument, uploadedFile } from '../../../server/src/documents/upload.middleware';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { serveApp, type RunningApp } from '../audit/adminTestApp';
import { exe, png, tinyPdf } from './fixtures';

const MAX_BYTES = 50_000;
let database: TestDatabase;
let documents: DocumentService;
let app: RunningApp;
let pdf: Buffer;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = await database.open();
  await migrateServer(db);
  documents = new DocumentService(db.knex, new AuditService(db.knex), {
    maxDocumentsPerCase: 5,
    maxBytesPerCase: 1_000_000,
  });
  pdf = await tinyPdf();
  // the routes a case layer will have: access check first (here: a fixed citizen), then the service
  app = await serveApp((server) => {
    server.post(
      '/api/cases/:caseId/documents',
      uploadDocument({ maxBytes: MAX_BYTES }),
      async (req, res) => {
        const stored = await documents.store(
          {
            tenantId: 'luzern',
            caseId: String(req.params.caseId),
            kind: 'upload',
            ...uploadedFile(req),
          },
          { actor: { type: 'citizen', id: 'c-1' }, requestId: String(req.id) },
        );
        res.status(201).json(stored);
      },
    );
    server.get('/api/cases/:caseId/documents/:documentId', async (req, res) => {
      const document = await documents.get(
        {
          tenantId: 'luzern',
          caseId: String(req.params.caseId),
          documentId: String(req.params.documentId),
        },
        { actor: { type: 'citizen', id: 'c-1' }, requestId: String(req.id) },
      );
      sendDocument(res, document);
    });
  });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

function form(files: { name: string; content: Buffer; field?: string; type?: string }[]): FormData {
  const data = new FormData();
  for (const file of files) {
    data.append(
      file.field ?? 'file',
      new Blob([file.content], { type: file.type ?? 'application/pdf' }),
      file.name,
    );
  }
  return data;
}

const upload = (caseId: string, body: FormData | string, headers: Record<string, string> = {}) =>
  fetch(`${app.baseUrl}/api/cases/${caseId}/documents`, {
    method: 'POST',
    body,
    headers: { 'Accept-Language': 'en', ...headers },
  });

describe('uploading a document', () => {
  it('stores a PDF and downloads it as an attachment with safe headers', async () => {
    // when a citizen uploads a PDF with an umlaut in its name
    const res = await upload('case-1', form([{ name: 'Bestätigung Müller.pdf', content: pdf }]));

    // then it is stored with the detected type and the cleaned name
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { id: string; originalName: string; mediaType: string };
    expect(stored).toMatchObject({
      originalName: 'Bestätigung Müller.pdf',
      mediaType: 'application/pdf',
    });

    // and its download is never rendered inline, sniffed or cached
    const download = await fetch(`${app.baseUrl}/api/cases/case-1/documents/${stored.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Bestatigung Muller.pdf"; filename*=UTF-8''Best%C3%A4tigung%20M%C3%BCller.pdf`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('ignores the claimed type: a PNG sent as application/pdf named .pdf is a PNG', async () => {
    const res = await upload(
      'case-2',
      form([{ name: 'scan.pdf', content: png, type: 'application/pdf' }]),
    );
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { id: string };
    const download = await fetch(`${app.baseUrl}/api/cases/case-2/documents/${stored.id}`);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''scan.pdf.png`);
  });

  it('keeps path segments and control characters out of the name', async () => {
    const res = await upload(
      'case-3',
      form([{ name: '../../../etc/pass\nw\u202Ed.pdf', content: pdf }]),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ originalName: 'passwd.pdf' });
  });

  it('answers a raw control character in a part header with 400 Malformed upload', async () => {
    const body =
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a\u0007.pdf"\r\n\r\n%PDF-1.4\r\n--xyz--\r\n';
    const res = await upload('case-3b', body, {
      'Content-Type': 'multipart/form-data; boundary=xyz',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ title: 'Malformed upload' });
  });

  it.each([
    [
      'an executable renamed .pdf',
      422,
      'File type not allowed',
      () => form([{ name: 'Mietvertrag.pdf', content: exe() }]),
    ],
    [
      'a file over UPLOAD_MAX_BYTES',
      413,
      'Request too large',
      () => form([{ name: 'big.pdf', content: Buffer.concat([pdf, Buffer.alloc(MAX_BYTES)]) }]),
    ],
    ['no file', 400, 'Invalid input', () => new FormData()],
    [
      'a file in another field',
      400,
      'Invalid input',
      () => form([{ name: 'a.pdf', content: pdf, field: 'attachment' }]),
    ],
    [
      'two files',
      400,
      'Invalid input',
      () =>
        form([
          { name: 'a.pdf', content: pdf },
          { name: 'b.pdf', content: pdf },
        ]),
    ],
  ])('answers %s with %i problem+json and stores nothing', async (_what, status, title, body) => {
    const caseId = `refused-${status}-${Math.random().toString(36).slice(2)}`;
    const res = await upload(caseId, body());
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status, title });
    expect(await documents.listByCase({ tenantId: 'luzern', caseId })).toEqual([]);
  });

  it('answers a JSON body with 415', async () => {
    const res = await upload('case-4', JSON.stringify({ file: 'x' }), {
      'Content-Type': 'application/json',
    });
    expect(res.status).toBe(415);
  });

  it('answers a broken multipart body with 400 Malformed upload', async () => {
    const res = await upload(
      'case-5',
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
      {
        'Content-Type': 'multipart/form-data; boundary=xyz',
      },
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ title: 'Malformed upload' });
  });

  it('refuses a declared body far over the limit with 413 before reading it', async () => {
    // given a client announcing 5 MB against a 50 kB limit, sending only the first bytes
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const req = http.request(`${app.baseUrl}/api/cases/case-6/documents`, {
          method: 'POST',
          headers: {
            'Content-Type': 'multipart/form-data; boundary=xyz',
            'Content-Length': String(5_000_000),
          },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.write('--xyz\r\n');
      },
    );

    // then the server answers at once, without waiting for the body
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ status: 413 });
  });
});
