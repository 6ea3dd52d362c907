/**
 * Sends a document as a download, never for inline rendering: `Content-Disposition:
 * attachment` with the cleaned name (RFC 6266 filename*), the type detected at upload, no
 * sniffing, no caching, and a sandboxing CSP should a browser open it anyway. The route calls
 * it after its access check and `DocumentService.get`.
 */
import type { Response } from 'express';
import type { StoredDocument } from './document.service';
import { contentDisposition, downloadFileName } from './fileName';

export function sendDocument(res: Response, document: StoredDocument): void {
  res.status(200).set({
    'Content-Type': document.mediaType,
    'Content-Length': String(document.content.length),
    'Content-Disposition': contentDisposition(downloadFileName(document)),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(document.content);
}
