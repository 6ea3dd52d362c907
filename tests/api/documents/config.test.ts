import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/src/config';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceportal-documents-config-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('configuration of uploads and mail', () => {
  it('uses the documented defaults', () => {
    const result = loadConfig({ DATA_DIR: dataDir });
    expect(result).toMatchObject({
      ok: true,
      config: {
        uploadMaxBytes: 10 * 1024 * 1024,
        documentsMaxPerCase: 20,
        documentsMaxBytesPerCase: 50 * 1024 * 1024,
        smtpUrl: undefined,
        mailFrom: 'Serviceportal <no-reply@localhost>',
      },
    });
  });

  it.each([
    [{ UPLOAD_MAX_BYTES: '5242880' }, { uploadMaxBytes: 5_242_880 }],
    [
      { DOCUMENTS_MAX_PER_CASE: '5', DOCUMENTS_MAX_BYTES_PER_CASE: '1000' },
      { documentsMaxPerCase: 5, documentsMaxBytesPerCase: 1000 },
    ],
    [
      { SMTP_URL: 'smtps://user:pass@mail.lu.ch:465' },
      { smtpUrl: 'smtps://user:pass@mail.lu.ch:465' },
    ],
    [{ SMTP_URL: '' }, { smtpUrl: undefined }],
    [
      { MAIL_FROM: 'Stadt Luzern <einwohnerdienste@stadtluzern.ch>' },
      { mailFrom: 'Stadt Luzern <einwohnerdienste@stadtluzern.ch>' },
    ],
    [{ MAIL_FROM: 'noreply@lu.ch' }, { mailFrom: 'noreply@lu.ch' }],
  ])('accepts %j', (env, expected) => {
    expect(loadConfig({ DATA_DIR: dataDir, ...env })).toMatchObject({ ok: true, config: expected });
  });

  it.each([
    [{ UPLOAD_MAX_BYTES: '10MB' }, 'UPLOAD_MAX_BYTES'],
    [{ UPLOAD_MAX_BYTES: '0' }, 'UPLOAD_MAX_BYTES'],
    [{ DOCUMENTS_MAX_PER_CASE: '2.5' }, 'DOCUMENTS_MAX_PER_CASE'],
    [{ DOCUMENTS_MAX_BYTES_PER_CASE: '-1' }, 'DOCUMENTS_MAX_BYTES_PER_CASE'],
    [{ SMTP_URL: 'http://mail.lu.ch' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'Stadt Luzern' }, 'MAIL_FROM'],
    [{ MAIL_FROM: 'a@b.ch\r\nBcc: x@y.ch' }, 'MAIL_FROM'],
  ])('rejects %j naming %s', (env, variable) => {
    const result = loadConfig({ DATA_DIR: dataDir, ...env });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(variable);
  });

  it('never echoes the SMTP URL, which may carry a password', () => {
    const result = loadConfig({ DATA_DIR: dataDir, SMTP_URL: 'ftp://user:hunter2@mail' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('hunter2');
  });
});
