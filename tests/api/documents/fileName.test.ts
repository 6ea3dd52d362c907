import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  downloadFileName,
  sanitiseFileName,
} from '../../../server/src/documents/fileName';

describe('sanitiseFileName', () => {
  it.each([
    ['Mietvertrag.pdf', 'Mietvertrag.pdf'],
    ['Bestätigung Müller.pdf', 'Bestätigung Müller.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\system32\\cmd.pdf', 'cmd.pdf'],
    ['C:\\Users\\anna\\Scan 1.jpg', 'Scan 1.jpg'],
    ['/absolute/path/scan.png', 'scan.png'],
    ['name\u0000with\u0007control\r\nchars.pdf', 'namewithcontrolchars.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.pdf', 'zerowidth.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['  spaced   out .pdf  ', 'spaced out .pdf'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['trailing dots...', 'trailing dots'],
    ['Mu\u0308ller.pdf', 'Müller.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it.each([undefined, null, '', '..', '../', '\u0000\u0001', '   '])('%j → undefined', (raw) => {
    expect(sanitiseFileName(raw)).toBeUndefined();
  });

  it('keeps at most 200 characters and the extension', () => {
    const name = sanitiseFileName(`${'ä'.repeat(300)}.pdf`)!;
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('ä.pdf')).toBe(true);
  });
});

describe('downloadFileName', () => {
  const doc = { id: '3f2a1b4c-0000-4000-8000-000000000001', kind: 'upload' };
  it.each([
    ['Mietvertrag.pdf', 'pdf', 'Mietvertrag.pdf'],
    ['Foto.JPEG', 'jpg', 'Foto.JPEG'],
    ['Foto.jpg', 'jpg', 'Foto.jpg'],
    ['report.exe', 'pdf', 'report.exe.pdf'],
    ['scan', 'png', 'scan.png'],
    [null, 'pdf', 'upload-3f2a1b4c.pdf'],
  ])('%j of type %s downloads as %j', (originalName, extension, expected) => {
    expect(downloadFileName({ ...doc, originalName, extension })).toBe(expected);
  });
});

describe('contentDisposition (RFC 6266)', () => {
  it.each([
    ['Mietvertrag.pdf', `attachment; filename="Mietvertrag.pdf"; filename*=UTF-8''Mietvertrag.pdf`],
    [
      'Bestätigung Müller.pdf',
      `attachment; filename="Bestatigung Muller.pdf"; filename*=UTF-8''Best%C3%A4tigung%20M%C3%BCller.pdf`,
    ],
    ['a"b\\c%d.pdf', `attachment; filename="a_b_c_d.pdf"; filename*=UTF-8''a%22b%5Cc%25d.pdf`],
    [
      "it's (1)*.pdf",
      `attachment; filename="it's (1)*.pdf"; filename*=UTF-8''it%27s%20%281%29%2A.pdf`,
    ],
    [
      'Straße 東京.pdf',
      `attachment; filename="Strasse __.pdf"; filename*=UTF-8''Stra%C3%9Fe%20%E6%9D%B1%E4%BA%AC.pdf`,
    ],
  ])('%j', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });
});
