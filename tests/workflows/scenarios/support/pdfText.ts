/**
 * The text of a PDF the server produced (compressed, as citizens download it): every
 * FlateDecode content stream inflated, then read as `tests/api/pdf/extractPdfText.ts` reads an
 * uncompressed pdfkit PDF. Written by hand because no PDF parser is installed (pdfkit only
 * writes); it reads what pdfkit writes, not PDFs in general.
 */
import { inflateSync } from 'node:zlib';
import { extractPdfText } from '../../../api/pdf/extractPdfText';

export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const inflated: string[] = [];
  for (const match of source.matchAll(/\/FlateDecode[^]*?>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      inflated.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a content stream pdfkit compressed (e.g. an embedded font): no text in it
    }
  }
  return extractPdfText(Buffer.concat([pdf, Buffer.from(inflated.join('\n'), 'latin1')]));
}
