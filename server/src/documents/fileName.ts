/**
 * Uploaders' file names are metadata only: they never become a path (documents are stored
 * under our own names), and they are cleaned before they are kept or sent back in a
 * Content-Disposition header.
 */

export const MAX_FILE_NAME_LENGTH = 200;

/** Control, format (bidi overrides, zero-width) and line/paragraph separator characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** Characters that mean something to a file system or a shell quoting a name. */
const RESERVED = /[<>:"|?*]/g;

/**
 * The uploader's name as we keep it: the last path segment (either separator), without
 * control or invisible characters, reserved characters replaced, whitespace collapsed, no
 * leading or trailing dots, at most 200 characters (the extension kept). `undefined` when
 * nothing usable is left.
 */
export function sanitiseFileName(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let name = raw.normalize('NFC').replace(INVISIBLE, '');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(RESERVED, '_').replace(/\s+/g, ' ');
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (!name) return undefined;
  const chars = [...name];
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? [...name.slice(dot)].slice(0, 10).join('') : '';
    name =
      chars
        .slice(0, MAX_FILE_NAME_LENGTH - extension.length)
        .join('')
        .trimEnd() + extension;
  }
  return name;
}

/**
 * The name a download gets: the kept original name with the extension of the detected type
 * (a "report.exe" that is really a PDF downloads as "report.exe.pdf"), or `<kind>-<id>.<ext>`.
 */
export function downloadFileName(document: {
  id: string;
  kind: string;
  originalName: string | null;
  extension: string;
}): string {
  const extensions = document.extension === 'jpg' ? ['jpg', 'jpeg'] : [document.extension];
  const name = document.originalName;
  if (!name) return `${document.kind}-${document.id.slice(0, 8)}.${document.extension}`;
  const lower = name.toLowerCase();
  if (extensions.some((extension) => lower.endsWith(`.${extension}`))) return name;
  return `${name}.${document.extension}`;
}

/**
 * `attachment` with an ASCII fallback `filename` and the exact name as RFC 5987 `filename*`
 * (RFC 6266), so no browser renders the document inline or mangles an umlaut. `inline` only
 * for the staff preview of PDFs and images (see `download.ts`).
 */
export function contentDisposition(
  fileName: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const fallback = fileName
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
