/**
 * The text parts of a raw MIME message as received by the SMTP test server, decoded: enough
 * to read what a citizen's mail client shows as text and as HTML. Written here because no
 * MIME parser (mailparser, postal-mime) is installed; it handles what nodemailer writes —
 * one level of multipart, quoted-printable, base64 or 7bit bodies in UTF-8.
 */
export interface MimeTextParts {
  text?: string;
  html?: string;
}

export function mimeTextParts(raw: string): MimeTextParts {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfold(head))?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`];
  const found: MimeTextParts = {};
  for (const part of parts) {
    const [partHead = '', ...partBody] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const headers = unfold(partHead);
    const type = /^content-type:\s*text\/(plain|html)/im.exec(headers)?.[1];
    if (!type) continue;
    const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
    const decoded = decode(partBody.join('\r\n\r\n'), encoding);
    if (type === 'plain') found.text = decoded;
    else found.html = decoded;
  }
  return found;
}

function unfold(headers: string): string {
  return headers.replace(/\r?\n[ \t]+/g, ' ');
}

function decode(body: string, encoding: string | undefined): string {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes: number[] = [];
    const joined = body.replace(/=\r?\n/g, '');
    for (let i = 0; i < joined.length; i += 1) {
      const hex = joined[i] === '=' ? /^[0-9A-F]{2}/i.exec(joined.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(joined[i]!, 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}
