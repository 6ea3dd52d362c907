/**
 * Sends a document as a download: `Content-Disposition: attachment` with the cleaned name
 * (RFC 6266 filename*), the type detected at upload, no sniffing, no caching, and a
 * sandboxing CSP should a browser open it anyway. The route calls it after its access check
 * and `DocumentService.get`.
 *
 * `sendDocumentInline` is the staff preview (an iframe or img of the back office): `inline`,
 * only for PDFs and images (anything else is 415), still `nosniff` and sandboxed, and framable
 * by our own pages only.
 */
import type { Response } from 'express';
import { UnsupportedMediaTypeError } from '../http/errors';
import type { StoredDocument } from './document.service';
import { contentDisposition, downloadFileName } from './fileName';

const PREVIEWABLE = /^(application\/pdf|image\/(png|jpeg))$/;

export function isPreviewable(mediaType: string): boolean {
  return PREVIEWABLE.test(mediaType);
}

export function sendDocument(res: Response, document: StoredDocument): void {
  send(res, document, contentDisposition(downloadFileName(document)), "default-src 'none'");
  res.end(document.content);
}

export function sendDocumentInline(res: Response, document: StoredDocument): void {
  if (!isPreviewable(document.mediaType)) throw new UnsupportedMediaTypeError();
  send(
    res,
    document,
    contentDisposition(downloadFileName(document), 'inline'),
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
  );
  res.set('X-Frame-Options', 'SAMEORIGIN').end(document.content);
}

function send(res: Response, document: StoredDocument, disposition: string, csp: string): void {
  res.status(200).set({
    'Content-Type': document.mediaType,
    'Content-Length': String(document.content.length),
    'Content-Disposition': disposition,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': `${csp}; sandbox`,
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
}
