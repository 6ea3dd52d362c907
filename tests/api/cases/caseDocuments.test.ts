/**
 * Staff download a case's documents: the same access check as the case (404 otherwise), every
 * read audited with the staff member as actor, `attachment` by default, and an `inline`
 * preview of PDFs and images that is still `nosniff`, sandboxed and framable by our pages only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../server/src/audit/audit.service';
import { DocumentService } from '../../../server/src/documents/document.service';
import type { TestServer } from '../../server/support/testServer';
import { Browser } from '../auth/support/browser';
import { PASSWORD, createGroup, createStaff, member } from '../auth/support/staff';
import {
  adopt,
  startPortalServer,
  submissionBody,
  submitCase,
  type SubmittedCase,
} from '../catalog/fixtures/portalServer';
import { png, tinyPdf } from '../documents/fixtures';

let server: TestServer;
const browsers: Record<string, Browser> = {};
let luzernCase: SubmittedCase;
let eschenbachCase: SubmittedCase;
let pdf: Buffer;
const ids = { pdf: '', png: '', other: '' };

beforeAll(async () => {
  server = await startPortalServer();
  const k = server.knex;
  await adopt(k, 'luzern', { responsible_group: 'einwohnerkontrolle' });
  await adopt(k, 'eschenbach');
  await createGroup(k, 'luzern', 'einwohnerkontrolle', 'Einwohnerkontrolle');
  await createGroup(k, 'luzern', 'baugesuche', 'Baugesuche');
  const users = {
    clerk: await createStaff(k, {
      username: 'luzern.clerk',
      memberships: [member('luzern', ['clerk'], ['einwohnerkontrolle'])],
    }),
    otherGroup: await createStaff(k, {
      username: 'luzern.bau',
      memberships: [member('luzern', ['clerk'], ['baugesuche'])],
    }),
    designer: await createStaff(k, {
      username: 'luzern.designer',
      memberships: [member('luzern', ['designer'])],
    }),
  };
  for (const [name, user] of Object.entries(users)) {
    browsers[name] = await new Browser(server.baseUrl).loginOk(user.username, PASSWORD);
  }
  luzernCase = await submitCase(server, submissionBody({ dogName: 'Bello' }));
  eschenbachCase = await submitCase(server, submissionBody({ dogName: 'Fido' }), 'eschenbach');
  const documents = new DocumentService(k, new AuditService(k), {
    maxDocumentsPerCase: 20,
    maxBytesPerCase: 50 * 1024 * 1024,
  });
  const system = { actor: { type: 'system' as const, id: 'test' }, requestId: 'test' };
  pdf = await tinyPdf();
  const store = async (c: SubmittedCase, tenantId: string, content: Buffer, name: string) =>
    (
      await documents.store(
        { tenantId, caseId: c.id, kind: 'upload', content, originalName: name },
        system,
      )
    ).id;
  ids.pdf = await store(luzernCase, 'luzern', pdf, 'Mietvertrag Müller.pdf');
  ids.png = await store(luzernCase, 'luzern', png, 'foto.png');
  ids.other = await store(eschenbachCase, 'eschenbach', png, 'fido.png');
});

afterAll(async () => {
  await server?.stop();
});

const url = (caseId: string, documentId: string, query = '') =>
  `/api/cases/${caseId}/documents/${documentId}${query}`;

describe('a staff document download', () => {
  it('sends the bytes as an attachment and audits the read with the clerk as actor', async () => {
    // when the clerk of the responsible group downloads the PDF
    const res = await browsers.clerk!.get(url(luzernCase.id, ids.pdf));

    // then it is the file, as an attachment, never sniffed, sandboxed
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Mietvertrag Muller\.pdf"; filename\*=UTF-8''Mietvertrag%20M%C3%BCller\.pdf$/,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');

    // and the read is in the audit log
    const reads = (await server
      .knex('public.audit_log')
      .where({ object_id: ids.pdf, action: 'document.read', actor_type: 'staff' })
      .select('tenant_id')) as { tenant_id: string }[];
    expect(reads).toEqual([{ tenant_id: 'luzern' }]);
  });

  it.each([
    ['a PDF', 'pdf', 'application/pdf'],
    ['an image', 'png', 'image/png'],
  ] as const)(
    'previews %s inline, nosniff, sandboxed, framable by our pages',
    async (_, key, type) => {
      const res = await browsers.clerk!.get(
        url(luzernCase.reference, ids[key], '?disposition=inline'),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toMatch(/^inline; filename=/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/(^|; )sandbox($|;)/);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    },
  );

  it.each([
    ['a clerk of another group', 'otherGroup', () => url(luzernCase.id, ids.pdf), 404],
    ['a document of another case', 'clerk', () => url(luzernCase.id, ids.other), 404],
    ["another tenant's case", 'clerk', () => url(eschenbachCase.id, ids.other), 404],
    ['an unknown document', 'clerk', () => url(luzernCase.id, eschenbachCase.id), 404],
    ['a malformed document id', 'clerk', () => url(luzernCase.id, 'x'), 404],
    ['a malformed case id', 'clerk', () => url('x', ids.pdf), 404],
    ['an unknown disposition', 'clerk', () => url(luzernCase.id, ids.pdf, '?disposition=x'), 400],
    ['a designer', 'designer', () => url(luzernCase.id, ids.pdf), 403],
  ])('answers %s with %i and sends no bytes', async (_who, name, path, status) => {
    const before = await documentReads();
    const res = await browsers[name]!.get(path());
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await documentReads()).toBe(before);
  });

  it('answers the anonymous with 401', async () => {
    const res = await new Browser(server.baseUrl).get(url(luzernCase.id, ids.pdf));
    expect(res.status).toBe(401);
  });
});

async function documentReads(): Promise<number> {
  const rows = (await server
    .knex('public.audit_log')
    .where({ action: 'document.read' })
    .count({ n: '*' })) as { n: string | number }[];
  return Number(rows[0]!.n);
}
